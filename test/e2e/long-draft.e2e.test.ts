// A 10,000-word draft in ProseMirror: typing stays responsive (the page does no more than note
// what changed; reading and reviewing wait for a pause, and the review runs in the background),
// the new passage gets its mark, and choosing a finding far up the draft scrolls to it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Browser } from './harness';
import { storedText } from './pages/probe';
import { closeEditorSession, openEditorSession } from './pages/session';
import type { Site } from './pages/site';
import { instrument, percentile, typeAndTime } from './pages/typing';

let site: Site;
let browser: Browser;
let page: Page;
let panel: Page;

beforeAll(async () => {
  ({ site, browser, panel, page } = await openEditorSession());
});

afterAll(() => closeEditorSession({ site, browser }));

describe('a 10,000-word ProseMirror draft', () => {
  it('stays responsive while typing, and marks the new passage', async () => {
    await page.goto(`${site.origin}/long`);
    await page.waitForFunction(
      () => (window as unknown as { testEditor?: { ready: boolean } }).testEditor?.ready,
    );
    await page.locator('.ProseMirror').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await instrument(page);

    const times = await typeAndTime(
      page,
      'Residents have nothing to worry about.',
      'nothing to worry about',
      {
        delay: 40,
        timeout: 90_000,
      },
    );

    const text = (await storedText(panel, '/long')) ?? '';
    expect(text.split(/\s+/).length).toBeGreaterThanOrEqual(10_000);
    expect(text.endsWith('Residents have nothing to worry about.')).toBe(true);
    console.log(
      `10,000 words: keystroke → mark ${Math.round(times.latency)} ms; ` +
        `${times.keystrokes} keystrokes, ${times.slowEvents.length} slow key events ` +
        `(max ${Math.max(0, ...times.slowEvents)} ms), long tasks while typing: ${times.longTasks.map(Math.round).join(', ') || 'none'}`,
    );
    // Typing must not stall the page: no keystroke waits long, and no long task blocks it.
    // (Bounds are loose: CI shares two cores; bench/latency.ts reports the real figures.)
    expect(percentile(times.slowEvents, 95)).toBeLessThan(200);
    expect(Math.max(0, ...times.longTasks)).toBeLessThan(300);
  });

  it('scrolls to a finding chosen in the side panel', async () => {
    await panel.bringToFront();
    await panel.reload();
    const finding = panel
      .locator('[data-testid=finding]')
      .filter({ has: panel.locator('.excerpt', { hasText: 'completely safe' }) })
      .first();
    await finding.locator('button.finding-head').click();
    await page.bringToFront();

    await expect
      .poll(() => page.evaluate(() => getSelection()?.toString()))
      .toBe('completely safe');
    const box = await page.evaluate(() => {
      const r = getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
  });
});
