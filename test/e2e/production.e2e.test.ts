// The build users install asks for no host access and reads nothing until the user turns it on:
// typing in a page leaves no trace in the extension, and the panel says Lectern is off.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  launchWithExtension,
  PRODUCTION_DIR,
  servePages,
  type Browser,
  type PageServer,
} from './harness';

const PAGE = `<!doctype html><html lang="en"><body>
  <textarea id="ta"></textarea>
</body></html>`;

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
}

let server: PageServer;
let browser: Browser;
let page: Page;
let pageTabId: number;

beforeAll(async () => {
  buildProduction();
  server = await servePages({ '/compose': PAGE });
  browser = await launchWithExtension(PRODUCTION_DIR);
  const before = await tabIds();
  page = await browser.context.newPage();
  await page.goto(`${server.origin}/compose`);
  // Without host access the extension cannot see tab URLs; the new tab is the page.
  pageTabId = (await tabIds()).find((id) => !before.includes(id))!;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the production build', () => {
  it('declares no host access and no content script at install', () => {
    const manifest = JSON.parse(
      readFileSync(join(PRODUCTION_DIR, 'manifest.json'), 'utf8'),
    ) as Manifest;

    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.permissions).toEqual(
      expect.arrayContaining(['activeTab', 'scripting', 'sidePanel']),
    );
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  });

  it('reads nothing from a page it was not turned on for, and says it is off', async () => {
    await page.locator('#ta').pressSequentially('Residents have nothing to worry about.');
    const panel = await browser.context.newPage();

    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${pageTabId}`);

    await expect
      .poll(() => panel.getByTestId('empty').textContent())
      .toContain('Lectern is off on this page');
    expect(await panel.getByTestId('finding').count()).toBe(0);
  });

  it('made no request beyond the local test server and its own files', () => {
    const allowed = [`${server.origin}/`, `chrome-extension://${browser.extensionId}/`];

    expect(browser.requests.filter((url) => !allowed.some((a) => url.startsWith(a)))).toEqual([]);
  });
});

function buildProduction(): void {
  try {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'pipe', encoding: 'utf8' });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`wxt build failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

function tabIds(): Promise<number[]> {
  return browser.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: ChromeTabs }).chrome;
    return (await api.tabs.query({})).map((tab) => tab.id);
  });
}

interface ChromeTabs {
  tabs: { query(q: object): Promise<Array<{ id: number }>> };
}
