// The archive and dismissals end to end: three earlier releases pasted in the options page, a
// new draft typed into a local page that silently drops the death toll, the contradiction in
// the panel with both excerpts and the earlier release's date, the fact deltas since the last
// release, and a finding dismissed with a reason (grade falls), exported and restored.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseDismissals } from '../../lib/dismissals';
import { launchWithExtension, servePages, type Browser, type PageServer } from './harness';
import { DRAFT, MATTER, RELEASES } from './linden-court';

const SCREENSHOT = resolve('.output/screenshots/archive-contradiction.png');
const OPTIONS_SHOT = resolve('.output/screenshots/options-archive.png');

const COMPOSE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Newsroom</title></head>
<body>
  <h1>Newsroom</h1>
  <label for="ta">Draft</label>
  <textarea id="ta" rows="14" cols="80"></textarea>
</body>
</html>`;

const PUBLISHED = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8"><title>Alder Street reopens</title>
  <meta property="article:published_time" content="2025-03-16T10:00:00-07:00">
</head>
<body>
  <nav>Home · News · Contact</nav>
  <article>
    <h1>Alder Street reopens after Linden Court fire</h1>
    <p>TAMSFORD, Ore. — Alder Street reopened on Sunday morning, the Orlen County Fire District said.</p>
  </article>
</body>
</html>`;

let server: PageServer;
let browser: Browser;
let options: Page;
let page: Page;
let panel: Page;

beforeAll(async () => {
  server = await servePages({ '/compose': COMPOSE, '/published': PUBLISHED });
  browser = await launchWithExtension();
  mkdirSync(dirname(SCREENSHOT), { recursive: true });
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the options page', () => {
  it('adds three earlier releases by pasting them, with their times and matter', async () => {
    await expect.poll(() => options.getByTestId('archive-empty').count()).toBe(1);

    for (const [i, release] of RELEASES.entries()) {
      const form = options.getByTestId('paste-release');
      await form.getByLabel('Release text').fill(release.text);
      await form.getByLabel(/^Issued/).fill(release.date);
      await form.getByLabel('Matter (optional)').fill(MATTER);
      await form.getByRole('button', { name: 'Add to the archive' }).click();
      await expect.poll(() => options.getByTestId('release').count()).toBe(i + 1);
      expect(await options.getByTestId('archive-status').textContent()).toMatch(/^Added “/);
    }

    await options.getByTestId('archive').screenshot({ path: OPTIONS_SHOT });
    const rows = await options.getByTestId('release').allTextContents();
    expect(rows[0]).toContain('2025-03-14 18:00');
    expect(rows[0]).toContain('Third person found dead in Linden Court fire');
    expect(rows.every((r) => r.includes(MATTER))).toBe(true);
  });

  it('names the field when the vocabulary is invalid, and keeps what was typed', async () => {
    const banned = options.getByTestId('vocab-banned');
    await banned.getByRole('button', { name: 'Add a banned word' }).click();
    await banned.getByLabel('Word or phrase').fill('belongings');
    await options.getByRole('button', { name: 'Save vocabulary' }).click();

    await expect
      .poll(() => options.getByTestId('vocabulary-status').textContent())
      .toMatch(/Banned words, row 1, “Why not” cannot be empty/);
    expect(await banned.getByLabel('Word or phrase').inputValue()).toBe('belongings');
    expect(await banned.getByLabel('Why not').getAttribute('aria-invalid')).toBe('true');
    await options
      .getByTestId('vocabulary')
      .screenshot({ path: OPTIONS_SHOT.replace('archive', 'vocabulary-error') });

    await banned.getByLabel('Why not').fill('We say “possessions” in recovery notices.');
    await banned.getByLabel('Write instead (optional)').fill('possessions');
    await options.getByRole('button', { name: 'Save vocabulary' }).click();
    await expect
      .poll(() => options.getByTestId('vocabulary-status').textContent())
      .toMatch(/Saved\. 1 rule now apply/);
  });
});

describe('a draft that contradicts an earlier release', () => {
  it('shows the contradiction with both excerpts and the earlier release’s date', async () => {
    page = await browser.context.newPage();
    await page.goto(`${server.origin}/compose`);
    await page.locator('#ta').fill(DRAFT);
    await page.locator('#ta').press('End');
    await page.locator('#ta').pressSequentially(' ');
    panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);

    const finding = contradiction();
    await expect.poll(() => finding.count(), { timeout: 15_000 }).toBe(1);
    expect(await finding.locator('.message').textContent()).toMatch(/falls from 3 to 2/);
    const earlier = finding.getByTestId('related');
    expect(await earlier.getByTestId('related-date').textContent()).toBe('2025-03-14 18:00');
    expect(await earlier.locator('mark').textContent()).toBe('three');
    expect(await earlier.locator('blockquote').textContent()).toContain(
      'raising the number of people who died from two to three',
    );
    const draftSide = finding.getByTestId('draft-side');
    expect(await draftSide.locator('mark').textContent()).toBe('Two people');
    expect(await draftSide.locator('blockquote').textContent()).toContain(
      'Two people died in the Linden Court apartment fire',
    );
    expect(await finding.getByTestId('guideline').textContent()).toMatch(/Guideline: CERC/);
    expect(await finding.getByTestId('suggestion').textContent()).toMatch(/earlier figure/);
  });

  it('applies the organisation’s vocabulary to the draft', async () => {
    const house = panel.locator('[data-testid=finding][data-category=house-style]');
    // "belongings" is in the headline and the body.
    await expect.poll(() => house.count()).toBe(2);
    expect(await house.first().textContent()).toContain('possessions');
  });

  it('renders the contradiction readably at 360 px (screenshot for a person to look at)', async () => {
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await contradiction().scrollIntoViewIfNeeded();
    await panel.evaluate(() =>
      document.querySelector('[data-category=count-changed]')?.scrollIntoView({ block: 'start' }),
    );
    await panel.screenshot({ path: SCREENSHOT });
    await panel.screenshot({ path: SCREENSHOT.replace('.png', '-full.png'), fullPage: true });

    const tooWide = await panel.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((el) => `${el.tagName}.${el.className}`),
    );
    expect(tooWide).toEqual([]);
  });

  it('lists what changed since the last release', async () => {
    const changes = panel.getByTestId('changes');
    await changes.locator('summary').click();

    await expect.poll(() => changes.getByTestId('since').textContent()).toContain('18:00');
    const dead = changes.locator('[data-testid=delta]', { hasText: 'Number of people: dead' });
    expect(await dead.getAttribute('data-status')).toBe('changed');
    expect(await dead.locator('.delta-values').textContent()).toMatch(/3.*→.*2/);
    const hospital = changes.locator('[data-testid=delta]', { hasText: 'in hospital' });
    expect(await hospital.locator('.delta-values').textContent()).toMatch(/4 \(as of 5 p\.m\.\)/);
    await changes.screenshot({ path: SCREENSHOT.replace('.png', '-changes.png') });
  });
});

describe('dismissing a finding', () => {
  it('asks for a reason and a name once, lists the dismissal and lowers the grade', async () => {
    const grade = panel.getByTestId('grade');
    expect(await grade.getAttribute('data-grade')).toBe('critical');
    const pointsBefore = await points();

    await contradiction().getByRole('button', { name: 'Dismiss…' }).click();
    const form = contradiction().getByTestId('dismiss-form');
    await form.getByRole('button', { name: 'Dismiss', exact: true }).click();
    expect(await form.getByRole('alert').textContent()).toMatch(/Give a reason/);

    await form
      .getByLabel(/Why does this finding not apply/)
      .fill('The medical examiner reclassified one death; the correction goes out separately.');
    await form.getByLabel(/Your name/).fill('Carla Nyberg');
    await form.getByRole('button', { name: 'Dismiss', exact: true }).click();

    await expect.poll(() => contradiction().count()).toBe(0);
    await expect.poll(() => grade.getAttribute('data-grade')).not.toBe('critical');
    expect(await points()).toBeLessThan(pointsBefore);

    const dismissed = panel.getByTestId('dismissed');
    expect(await dismissed.locator('summary').textContent()).toBe('Dismissed (1)');
    await dismissed.locator('summary').click();
    const item = dismissed.getByTestId('dismissed-finding');
    expect(await item.getAttribute('data-rule')).toBe('facts/count-changed');
    expect(await item.getByTestId('dismissal').textContent()).toMatch(
      /reclassified one death.*Dismissed by Carla Nyberg, /s,
    );
    await dismissed.screenshot({ path: SCREENSHOT.replace('.png', '-dismissed.png') });
    await panel.getByTestId('grade').screenshot({ path: SCREENSHOT.replace('.png', '-grade.png') });
  });

  it('exports the dismissals as the record the CLI reads', async () => {
    const dismissed = panel.getByTestId('dismissed');
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      dismissed.getByRole('button', { name: 'Export dismissals' }).click(),
    ]);
    const path = await download.path();

    const items = parseDismissals(JSON.parse(readFileSync(path, 'utf8')));

    expect(items).toEqual([
      expect.objectContaining({
        rule: 'facts/count-changed',
        excerpt: 'Two people',
        by: 'Carla Nyberg',
      }),
    ]);
  });

  it('keeps the dismissal when the draft changes elsewhere, and restores on request', async () => {
    await page.bringToFront();
    await page.locator('#ta').press('End');
    await page.locator('#ta').pressSequentially(' Call 555-0161.');
    await panel.bringToFront();
    await expect.poll(() => panel.getByTestId('dismissed-finding').count()).toBe(1);

    await panel.getByTestId('dismissed-finding').getByRole('button', { name: 'Restore' }).click();

    await expect.poll(() => contradiction().count()).toBe(1);
    await expect.poll(() => panel.getByTestId('grade').getAttribute('data-grade')).toBe('critical');
    expect(await panel.getByTestId('dismissed').count()).toBe(0);
  });
});

describe('adding to the archive from the panel', () => {
  it('captures the text of a published release page the user is on', async () => {
    await page.bringToFront();
    await page.goto(`${server.origin}/published`);
    await panel.bringToFront();
    const actions = panel.getByTestId('archive-actions');
    await actions.locator('summary').click();
    await actions.getByRole('button', { name: 'Add this page to the archive' }).click();

    await expect
      .poll(() => panel.getByTestId('notice').textContent())
      .toMatch(/Added “Alder Street reopens” \(2025-03-16 10:00\)/);
    await options.reload();
    await expect.poll(() => options.getByTestId('release').count()).toBe(4);
    expect(await options.getByTestId('release').first().textContent()).toContain('captured page');
  });
});

describe('importing release files in the options page', () => {
  it('reads an HTML release as text, dated by its file name', async () => {
    await options.bringToFront();
    const html = PUBLISHED.replace('Alder Street reopens', 'Linden Court demolition set');

    await options.getByTestId('release-files').setInputFiles({
      name: '2025-03-17-0800-demolition.html',
      mimeType: 'text/html',
      buffer: Buffer.from(html),
    });

    await expect.poll(() => options.getByTestId('release').count()).toBe(5);
    const newest = options.getByTestId('release').first();
    expect(await newest.textContent()).toMatch(
      /2025-03-17 08:00.*2025-03-17-0800-demolition\.html/,
    );
    expect(await newest.textContent()).toContain('imported file');
  });
});

function contradiction(): Locator {
  return panel.locator('[data-testid=finding][data-category=count-changed]');
}

async function points(): Promise<number> {
  const text = (await panel.getByTestId('grade').locator('.points').textContent()) ?? '';
  return Number(/\d+/.exec(text)?.[0]);
}
