import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension (`npm run build:e2e`) in headless Chromium, so they
// run in Node, one file at a time, without the WxtVitest fakes.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
