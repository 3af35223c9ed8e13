// The session the editor suites share: the bundled editor pages served on 127.0.0.1, Chromium
// with the e2e build of Lectern, the side panel open in a tab, and a tab for the editor page.
import type { Page } from 'playwright-core';

import { launchWithExtension, type Browser } from '../harness';
import { buildPages, serveSite, type Site } from './site';

export interface EditorSession {
  site: Site;
  browser: Browser;
  panel: Page;
  page: Page;
}

export async function openEditorSession(): Promise<EditorSession> {
  await buildPages();
  const site = await serveSite();
  const browser = await launchWithExtension();
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  const page = await browser.context.newPage();
  return { site, browser, panel, page };
}

export async function closeEditorSession(session: Partial<EditorSession>): Promise<void> {
  await session.browser?.close();
  await session.site?.close();
}
