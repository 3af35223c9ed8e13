/** Set by wxt.config.ts: true only in the e2e build (LECTERN_E2E=1). */
declare const __LECTERN_E2E__: boolean;
