// Review, sign-off and history end to end in headless Chromium: a draft typed into a page, level
// 1 signed, the text edited (the sign-off turns stale, with the diff) and put back (valid
// again), the record exported, then a new browser profile where the same draft is typed and the
// record imported and attached. History shows the versions with a diff between them.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchWithExtension, servePages, type Browser, type PageServer } from './harness';

const SHOTS = resolve('.output/screenshots');
/** A copy of the e2e build, for runs while another process rebuilds .output/e2e. */
const BUILD = process.env.LECTERN_EXTENSION_DIR;

const CMS = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Newsroom CMS</title></head>
<body>
  <h1>New release</h1>
  <textarea id="body" rows="20" cols="90"></textarea>
  <button id="publish" type="button">Publish</button>
</body>
</html>`;

const APPROVED = [
  'NEWS RELEASE',
  'Larkhaven Public Library',
  'FOR IMMEDIATE RELEASE',
  '',
  'Media contact: Priya Lindgren, communications manager',
  '555-0131 | media@larkhaven-library.example.org',
  '',
  'Main Street library to open on Sundays from January',
  '',
  'LARKHAVEN, Colo., Dec. 9, 2025 — The Main Street branch of the Larkhaven Public Library will ' +
    'open on Sundays from noon to 5 p.m. starting Jan. 11, Library Director Samuel Okafor said ' +
    'Tuesday.',
  '',
  'The change affects only the Main Street branch, home to our world-class staff. Story time ' +
    'for children ages 3 to 5 will run at 2 p.m.',
  '',
  'Opening hours for every branch are listed at larkhaven-library.example.org/hours.',
  '',
  '###',
].join('\n');

const EDITED = APPROVED.replace('noon to 5 p.m.', 'noon to 6 p.m.');

let server: PageServer;
let browser: Browser;
let page: Page;
let panel: Page;
/** the record as exported in the first profile */
let block = '';
let recordFile = '';
let fingerprint = '';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await servePages({ '/cms': CMS });
  await openProfile();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('signing level 1', () => {
  it('asks once for the reviewer’s name and role', async () => {
    await write(APPROVED);
    await openTab('Review');

    const form = panel.getByTestId('identity-form');
    await form.getByLabel('Your name').fill('Jo Park');
    await form.getByLabel('Your role').fill('Press officer');
    await form.getByRole('button', { name: 'Save' }).click();

    await expect.poll(() => panel.getByTestId('identity').textContent()).toContain('Jo Park');
  });

  it('refuses an approval while checklist items are open, and says which', async () => {
    await level('L1').getByRole('button', { name: 'Sign L1: approve' }).click();

    const error = level('L1').getByTestId('sign-error');
    await expect.poll(() => error.textContent()).toMatch(/To approve L1: Confirm “Release type/);
    expect(await error.textContent()).toContain('world-class staff');
  });

  it('approves with attestations and an override per finding, bound to the text', async () => {
    const l1 = level('L1');
    await l1.getByLabel('Release type and context flags are set correctly.').check();
    const findings = l1.getByTestId('to-settle');
    expect(await findings.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      await findings.nth(i).getByLabel('Override').check();
      await findings.nth(i).getByPlaceholder('Why this stays as written').fill('Staff award 2025');
    }
    await l1.getByLabel(/Comment/).fill('Checked against the board minutes.');
    await l1.getByRole('button', { name: 'Sign L1: approve' }).click();

    await expect.poll(() => l1.getAttribute('data-state')).toBe('approved');
    expect(await l1.getByTestId('signoff').textContent()).toMatch(
      /Approved by Jo Park \(Press officer\).*Checked against the board minutes.*Overrode/s,
    );
    expect(await l1.getByTestId('trust').getAttribute('data-trust')).toBe('own');
    expect(await panel.getByTestId('approval-current').textContent()).toContain('L1 approved');
    fingerprint = (await panel.locator('[data-testid=identity] .fingerprint').textContent()) ?? '';
    expect(fingerprint).toMatch(/^[0-9a-f]{4}(:[0-9a-f]{4}){7}$/);
  });

  it('does not let the same person sign a second level of the same text', async () => {
    const l2 = level('L2');

    expect(await l2.getByTestId('cannot-sign').textContent()).toContain(
      'you already signed L1 of this text; one person may not sign two levels',
    );
    expect(await level('L4').getByTestId('cannot-sign').textContent()).toBe(
      'L4 can sign once L1b and L2 and L3 approved this text.',
    );
  });
});

describe('editing after the sign-off', () => {
  it('shows the approval as stale with the word diff, and warns that this is not the approved text', async () => {
    await write(EDITED);

    const l1 = level('L1');
    await expect.poll(() => l1.getAttribute('data-state'), { timeout: 15_000 }).toBe('stale');
    expect(await l1.locator('[data-testid=stale-diff] del').allTextContents()).toContain('5');
    expect(await l1.locator('[data-testid=stale-diff] ins').allTextContents()).toContain('6');
    const warning = panel.getByTestId('approval-differs');
    expect(await warning.textContent()).toContain('Not the approved text');
    expect(await warning.locator('ins').allTextContents()).toContain('6');
    expect(await page.locator('#publish').isEnabled()).toBe(true);

    await shoot('review-stale');
  });

  it('keeps the edited text as a version on request, with a diff against the signed one', async () => {
    await openTab('History');
    await panel.getByRole('button', { name: 'Save version' }).click();

    const versions = panel.getByTestId('version');
    await expect.poll(() => versions.nth(0).getAttribute('data-reason')).toBe('manual');
    expect(await versions.count()).toBe(2);
    expect(await versions.nth(1).textContent()).toMatch(/signed · approved by L1/);
    const diff = panel.getByTestId('compare-diff');
    await expect.poll(() => diff.locator('ins').allTextContents()).toContain('6');
  });

  it('makes the approval valid again when the text returns to the approved words', async () => {
    await write(APPROVED);
    await openTab('Review');

    const l1 = level('L1');
    await expect.poll(() => l1.getAttribute('data-state'), { timeout: 15_000 }).toBe('approved');
    await expect.poll(() => panel.getByTestId('approval-differs').count()).toBe(0);
    expect(await panel.getByTestId('approval-current').count()).toBe(1);
    await shoot('review-approved');
  });
});

describe('the history tab', () => {
  it('knows the draft again after the editor page reloads', async () => {
    await page.reload();
    await write(APPROVED);
    await openTab('History');

    await expect.poll(() => panel.getByTestId('version').count()).toBe(3);
    expect(await panel.getByRole('tab', { name: /^Review/ }).textContent()).toContain('1/1');
  });

  it('moves between the panel tabs with the arrow keys', async () => {
    await openTab('History');

    await panel.keyboard.press('ArrowLeft');

    const review = panel.getByRole('tab', { name: /^Review/ });
    expect(await review.getAttribute('aria-selected')).toBe('true');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('tab-review');
    await panel.keyboard.press('End');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('tab-history');
  });

  it('lists the versions with time, size and grade, and compares by word and by sentence', async () => {
    await openTab('History');

    const versions = panel.getByTestId('version');
    await expect.poll(() => versions.count()).toBe(3);
    expect(await versions.nth(0).textContent()).toMatch(/\d+ words · \d+ characters · Low/);
    expect(await versions.nth(0).textContent()).toContain('current text');
    const diff = panel.getByTestId('compare-diff');
    await expect.poll(() => diff.locator('del').allTextContents()).toContain('6');
    await panel.getByLabel('Sentences').check();
    await expect
      .poll(() => diff.locator('ins').allTextContents())
      .toEqual([expect.stringContaining('noon to 5 p.m.')]);

    await shoot('history');
  });

  it('shows the audit trail and opens a print view of it', async () => {
    const events = panel.getByTestId('audit-event');
    await expect.poll(() => events.count()).toBeGreaterThan(3);
    const kinds = await events.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['version', 'approve', 'override']));

    const [markdown] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download as Markdown' }).click(),
    ]);
    expect(readFileSync((await markdown.path())!, 'utf8')).toMatch(
      /^# Review audit trail: Main Street library to open on Sundays from January\n[\s\S]*· approve · L1 Drafter self-check approved by Jo Park/,
    );
    const [printView] = await Promise.all([
      browser.context.waitForEvent('page'),
      panel.getByRole('button', { name: 'Open print view' }).click(),
    ]);
    await printView.waitForLoadState();
    expect(await printView.locator('h1').textContent()).toContain('Review audit trail');
    expect(await printView.locator('tbody tr').count()).toBe(await events.count());
    await printView.screenshot({ path: join(SHOTS, 'audit-print.png'), fullPage: true });
    await printView.close();
  });
});

describe('the record that travels', () => {
  it('exports the review as a file and as a text block', async () => {
    await openTab('Review');

    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download record (.json)' }).click(),
    ]);
    recordFile = join(mkdtempSync(join(tmpdir(), 'lectern-record-')), download.suggestedFilename());
    await download.saveAs(recordFile);
    await panel.getByRole('button', { name: 'Copy as text block' }).click();
    block = await panel.getByTestId('record-block').inputValue();

    const record = JSON.parse(readFileSync(recordFile, 'utf8'));
    expect(record).toMatchObject({ lectern: 'review', version: 1, signOffs: [{ level: 'L1' }] });
    expect(block).toMatch(/L1 approved by Jo Park[\s\S]*-----BEGIN LECTERN REVIEW-----/);
    // Chromium will not let the test read an extension page's clipboard; the write succeeded.
    await expect
      .poll(() => panel.getByTestId('export-status').textContent())
      .toContain('on the clipboard');
  });

  it('in a new profile, says so when no draft has the record’s text', async () => {
    await browser.close();
    await openProfile();
    await write(EDITED);
    await openTab('Review');

    await importBlock(block);

    const result = panel.getByTestId('import-result');
    expect(await result.getAttribute('data-ok')).toBe('false');
    expect(await result.textContent()).toContain('No draft on this computer has the text');
  });

  it('refuses a record edited by hand', async () => {
    const record = JSON.parse(readFileSync(recordFile, 'utf8'));
    record.signOffs[0].comment = 'Approved without reservation.';

    await importBlock(JSON.stringify(record));

    expect(await panel.getByTestId('import-result').textContent()).toMatch(
      /changed after it was signed: the L1 sign-off by Jo Park does not match its signature/,
    );
  });

  it('attaches to the draft with the same text, as unverified until its key is trusted', async () => {
    await write(APPROVED);
    await expect.poll(() => level('L1').getAttribute('data-state')).toBe('open');

    // The typed text reaches storage after the capture debounce; until it does, an import
    // rightly finds no draft with that text. Retry until it has landed.
    const result = panel.getByTestId('import-result');
    await expect
      .poll(
        async () => {
          await importBlock(block);
          return result.getAttribute('data-ok');
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe('true');
    expect(await result.textContent()).toMatch(/Attached to the text box #body .*1 sign-off added/);
    const l1 = level('L1');
    await expect.poll(() => l1.getAttribute('data-state')).toBe('approved');
    expect(await l1.getByTestId('trust').getAttribute('data-trust')).toBe('unverified');
    expect(await panel.getByTestId('approval-current').count()).toBe(1);
  });

  it('takes the file as well, and adds nothing twice', async () => {
    const before = await importCount();

    await panel.getByTestId('import-file').setInputFiles(recordFile);

    await expect.poll(importCount).toBe(before + 1);
    expect(await panel.getByTestId('import-result').textContent()).toContain(
      'it already had all 1 sign-offs',
    );
  });

  it('shows the sign-off as verified once the organisation lists the key', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('trusted-keys-input').fill(`${fingerprint} Jo Park`);
    await options.getByRole('button', { name: 'Add pasted keys' }).click();
    await expect.poll(() => options.getByTestId('trusted-key').count()).toBe(1);
    await options.close();

    await panel.reload();
    await openTab('Review');

    const trust = level('L1').getByTestId('trust');
    await expect.poll(() => trust.getAttribute('data-trust')).toBe('trusted');
    expect(await trust.textContent()).toContain('(Jo Park)');
    await shoot('review-imported');
  });

  it('edits the organisation’s levels in the options page and exports them as a file', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const l2 = options.locator('[data-testid=level-editor][data-level=L2]');
    await l2.locator('summary').click();
    await l2.getByLabel('Name').fill('Communications and press review');
    await l2.getByLabel('New checklist item for L2').fill('The spokesperson has read it aloud.');
    await l2.getByRole('button', { name: 'Add item' }).click();
    await l2.getByRole('button', { name: 'Move L2 down' }).click();
    await options.getByRole('button', { name: 'Save levels' }).click();
    await expect.poll(() => options.getByTestId('levels-status').textContent()).toContain('saved');

    await options.reload();
    await expect.poll(() => options.getByTestId('level-editor').count()).toBe(5);
    const order = await options
      .getByTestId('level-editor')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-level')));
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export as a file' }).click(),
    ]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));

    expect(order).toEqual(['L1', 'L1b', 'L3', 'L2', 'L4']);
    expect(await l2.getByLabel('Name').inputValue()).toBe('Communications and press review');
    expect(file.lectern).toBe('levels');
    expect(file.levels[3].items.at(-1).text).toBe('The spokesperson has read it aloud.');
    await options.setViewportSize({ width: 1000, height: 1400 });
    await options
      .getByTestId('levels-editor')
      .screenshot({ path: join(SHOTS, 'options-levels.png') });
    await l2.locator('summary').click();
    await l2.screenshot({ path: join(SHOTS, 'options-level-l2.png') });
    await options.getByTestId('trusted-keys').screenshot({ path: join(SHOTS, 'options-keys.png') });
    await options.close();
  });

  it('made no request beyond the local page server and the extension itself', () => {
    const allowed = [`${server.origin}/`, `chrome-extension://${browser.extensionId}/`, 'blob:'];

    expect(browser.requests.filter((url) => !allowed.some((a) => url.startsWith(a)))).toEqual([]);
  });
});

// ---- helpers ----------------------------------------------------------------------------

async function openProfile(): Promise<void> {
  browser = await launchWithExtension(BUILD);
  panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  page = await browser.context.newPage();
  await page.goto(`${server.origin}/cms`);
}

/** Replaces the editor's text as a paste would, and waits for the panel to show its review. */
async function write(text: string): Promise<void> {
  await page.bringToFront();
  await page.locator('#body').fill(text);
  await panel.bringToFront();
  await expect
    .poll(() => panel.getByTestId('source').textContent(), { timeout: 15_000 })
    .toContain('text box #body');
}

async function openTab(name: 'Findings' | 'Review' | 'History'): Promise<void> {
  await panel.bringToFront();
  await panel.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

/**
 * The panel at its real width (360 px), whole page and in screen-high parts that can be read
 * at full size; checks that nothing is wider than the panel.
 */
async function shoot(name: string): Promise<void> {
  await panel.setViewportSize({ width: 360, height: 800 });
  // The panel's transient notice is sticky and would cover a different part in each shot.
  const hide = await panel.addStyleTag({ content: '.notice { display: none !important; }' });
  await panel.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const height = await panel.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, part = 1; y < height; y += 800, part++) {
    const clip = { x: 0, y, width: 360, height: Math.min(800, height - y) };
    await panel.screenshot({ path: join(SHOTS, `${name}-${part}.png`), fullPage: true, clip });
  }
  const tooWide = await panel.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((el) => `${el.tagName}.${el.className}`),
  );
  await hide.evaluate((style) => (style as Element).remove());
  await panel.setViewportSize({ width: 1000, height: 800 });
  expect(tooWide).toEqual([]);
}

function level(id: string): Locator {
  return panel.locator(`[data-testid=level][data-level="${id}"]`);
}

async function importBlock(text: string): Promise<void> {
  const details = panel.locator('details.import');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  const before = await importCount();
  await panel.getByTestId('import-text').fill(text);
  await panel.getByRole('button', { name: 'Import pasted record' }).click();
  await expect.poll(importCount).toBe(before + 1);
}

/** How many imports the panel has answered; each answer bumps it. */
async function importCount(): Promise<number> {
  const result = panel.getByTestId('import-result');
  return (await result.count()) ? Number(await result.getAttribute('data-seq')) : 0;
}
