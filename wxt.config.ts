import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The e2e build (`npm run build:e2e`) is the only one with host access from the start, and
// only to pages served on this machine, so tests can load it without clicking the toolbar.
const e2e = process.env.LECTERN_E2E === '1';

export default defineConfig({
  outDir: '.output',
  outDirTemplate: e2e
    ? 'e2e/{{browser}}-mv{{manifestVersion}}'
    : '{{browser}}-mv{{manifestVersion}}',
  manifest: ({ browser }) => ({
    name: e2e ? 'Lectern (e2e test build)' : 'Lectern',
    description:
      'Reviews press releases and official statements as you draft them. Runs locally; sends nothing.',
    permissions: [
      'storage',
      'activeTab',
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // Firefox builds are MV2, where WXT drops optional_host_permissions; origins go here there.
    ...(browser === 'firefox' ? { optional_permissions: ['http://*/*', 'https://*/*'] } : {}),
    host_permissions: e2e ? ['http://127.0.0.1/*', 'http://localhost/*'] : [],
    action: { default_title: 'Review this draft with Lectern' },
    // Lectern collects and transmits nothing, which Firefox asks new extensions to declare.
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'lectern@example.org',
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
  }),
  vite: () => ({ plugins: [preact()], define: { __LECTERN_E2E__: JSON.stringify(e2e) } }),
});
