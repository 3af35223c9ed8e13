// npm start: build Lectern, serve the demo editor page on 127.0.0.1, and open Chromium with
// the extension loaded. Without a display (or with --screenshot FILE) the same session runs
// headless and the side panel is saved to a PNG.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { startDemoServer } from './demo-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const shotAt = args.indexOf('--screenshot');
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
let screenshot = shotAt === -1 ? undefined : args[shotAt + 1];
if (shotAt !== -1 && !screenshot)
  fail('--screenshot needs a file name, e.g. --screenshot panel.png');
if (!screenshot && !hasDisplay) {
  screenshot = join(ROOT, '.output', 'lectern-demo.png');
  console.log(
    `No display found (DISPLAY is not set), so no browser window can open.\n` +
      `Rendering the same session headless instead; choose the file with: npm start -- --screenshot FILE`,
  );
}

const chrome = findChrome();
const headless = Boolean(screenshot);
build(headless);
const extension = join(ROOT, '.output', headless ? 'e2e/chrome-mv3' : 'chrome-mv3');
const { server, url } = await startDemoServer();
console.log(`Demo editor page: ${url}`);

const profile = mkdtempSync(join(tmpdir(), 'lectern-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chrome,
  headless,
  viewport: headless ? { width: 1280, height: 800 } : null,
  args: [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);

if (headless) {
  await renderPanel(page, resolve(screenshot));
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
} else {
  console.log('Chromium is open. Click the Lectern button in the toolbar to review the draft.');
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  context.on('close', () => {
    server.close();
    rmSync(profile, { recursive: true, force: true });
  });
}

async function renderPanel(page, file) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const draft = page.locator('#draft');
  await draft.waitFor();
  await page.waitForFunction(() => document.querySelector('#draft').value.length > 0);
  // A real keystroke, as a person would make, so the content script sees an input event.
  await draft.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' ');
  const tabId = await worker.evaluate(
    async (u) => (await chrome.tabs.query({ url: `${u}*` }))[0]?.id,
    url,
  );
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 1000 });
  await panel.goto(`chrome-extension://${id}/sidepanel.html?tabId=${tabId}`);
  await panel
    .getByText(/critical|high|medium|low/i)
    .first()
    .waitFor({ timeout: 15000 });
  await panel.waitForTimeout(500);
  await panel.screenshot({ path: file });
  console.log(`Side panel saved to ${file}`);
}

function build(e2e) {
  const env = { ...process.env, ...(e2e ? { LECTERN_E2E: '1' } : {}) };
  console.log(`Building the extension${e2e ? ' (test build, enabled on 127.0.0.1)' : ''}…`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function findChrome() {
  const candidates = [
    process.env.LECTERN_CHROME,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    fail(
      'No Chromium or Chrome found. Install one (Debian: apt-get install -y chromium) or set ' +
        'LECTERN_CHROME to its path.',
    );
  }
  return found;
}

function fail(message) {
  console.error(`lectern start: ${message}`);
  process.exit(2);
}
