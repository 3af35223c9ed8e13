// npm run bench:latency: input-to-mark latency in headless Chromium with the e2e build, on a
// ProseMirror draft of 1,000 and 10,000 words: the time from the last keystroke of a typed
// sentence to the highlight on its finding (debounce, read, message, review in the background,
// marks painted). Also what typing costs the page: Lectern's own script time per keystroke, and
// the page's main-thread time, slow key events and long tasks with Lectern running and, in the
// same page, after stopping it.
//
// Flags: --build runs `npm run build:e2e` first; --if-chromium skips quietly without Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import type { Page } from 'playwright-core';

import { DEBOUNCE_MS } from '../lib/capture/capture';
import { CHROMIUM, launchWithExtension } from '../test/e2e/harness';
import { buildPages, serveSite, type Site } from '../test/e2e/pages/site';
import {
  countMarks,
  instrument,
  percentile,
  typeAndTime,
  typeOnly,
  type TypingTimes,
} from '../test/e2e/pages/typing';

const SAMPLES = 5;
/** rounds of typing with Lectern running and then stopped, for the per-keystroke cost */
const ROUNDS = 3;
const DELAY_MS = 40;
const MARKED = 'nothing to worry about';
const sentence = (i: number) => ` Residents of block ${i + 1} have ${MARKED}.`;

/** The content script keeps its stop function here (entrypoints/content.ts). */
const STOP = "globalThis[Symbol.for('lectern.capture.stop')]?.()";

const args = new Set(process.argv.slice(2));

if (!existsSync(CHROMIUM)) {
  const note = `Input-to-mark latency: skipped, no Chromium at ${CHROMIUM} (set LECTERN_CHROMIUM).`;
  if (args.has('--if-chromium')) {
    console.log(`\n${note}`);
    process.exit(0);
  }
  console.error(note);
  process.exit(2);
}
if (args.has('--build')) {
  execFileSync('npm', ['run', 'build:e2e'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

interface Row {
  words: number;
  first: TypingTimes;
  warm: TypingTimes[];
  /** typing with Lectern running and marks shown */
  on: TypingTimes;
  /** the same, in the same page, after stopping Lectern */
  stopped: TypingTimes;
}

await buildPages();
const site = await serveSite();
const browser = await launchWithExtension();
const rows: Row[] = [];
try {
  for (const words of [1000, 10_000]) {
    const page = await browser.context.newPage();
    await openAtEnd(page, site, words);
    const first = await typeAndTime(page, sentence(0), MARKED, {
      delay: DELAY_MS,
      timeout: 120_000,
    });
    const warm: TypingTimes[] = [];
    for (let i = 1; i <= SAMPLES; i++) {
      warm.push(
        await typeAndTime(page, sentence(i), MARKED, { delay: DELAY_MS, timeout: 120_000 }),
      );
    }
    await page.close();
    rows.push({ words, first, warm, ...(await keystrokeCost(words)) });
  }
} finally {
  await browser.close();
  await site.close();
}
print(rows);

async function openAtEnd(page: Page, s: Site, words: number): Promise<void> {
  await page.goto(`${s.origin}/long?words=${words}`);
  await page.waitForFunction(
    () => (window as unknown as { testEditor?: { ready: boolean } }).testEditor?.ready,
  );
  await page.locator('.ProseMirror').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await instrument(page);
}

/**
 * What typing costs the page with Lectern running (marks shown) and, in the same page, after
 * stopping it (as "Turn off for this site" does). Rounds alternate, so a change in the
 * machine's load falls on both sides alike.
 */
async function keystrokeCost(words: number): Promise<{ on: TypingTimes; stopped: TypingTimes }> {
  const page = await browser.context.newPage();
  const on: TypingTimes[] = [];
  const stopped: TypingTimes[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await openAtEnd(page, site, words);
    await typeAndTime(page, sentence(0), MARKED, { delay: DELAY_MS, timeout: 120_000 });
    on.push(await typeOnly(page, sentence(1), { delay: DELAY_MS }));
    await stopLectern(page);
    stopped.push(await typeOnly(page, sentence(2), { delay: DELAY_MS }));
  }
  await page.close();
  return { on: merge(on), stopped: merge(stopped) };
}

/** Calls the content script's stop function in its own (isolated) world. */
async function stopLectern(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const type = (context.auxData as { type?: string } | undefined)?.type;
    if (type === 'isolated') worlds.push(context.id);
  });
  await cdp.send('Runtime.enable');
  for (const contextId of worlds) {
    await cdp.send('Runtime.evaluate', { expression: STOP, contextId }).catch(() => undefined);
  }
  await cdp.detach();
  if ((await countMarks(page, MARKED)) > 0) throw new Error('Lectern did not stop in the page');
}

function merge(runs: TypingTimes[]): TypingTimes {
  const keys = runs.reduce((n, t) => n + t.keystrokes, 0);
  return {
    latency: 0,
    slowEvents: runs.flatMap((t) => t.slowEvents),
    keystrokes: keys,
    longTasks: runs.flatMap((t) => t.longTasks),
    mainThreadPerKey: perKey(runs, (t) => t.mainThreadPerKey, keys),
    lecternPerKey: perKey(runs, (t) => t.lecternPerKey, keys),
  };
}

function perKey(runs: TypingTimes[], value: (t: TypingTimes) => number, keys: number): number {
  return runs.reduce((n, t) => n + value(t) * t.keystrokes, 0) / Math.max(1, keys);
}

function print(table: Row[]): void {
  const head = [
    'draft',
    'first review',
    `keystroke → mark, median of ${SAMPLES}`,
    'min–max',
    'Lectern script per key',
    'main thread per key, Lectern on / stopped',
    'key events > 16 ms, on / stopped',
    'long tasks, on / stopped',
  ];
  const body = table.map((r) => {
    const warm = r.warm.map((t) => t.latency);
    const lectern = r.on;
    const plainRun = r.stopped;
    return [
      `${r.words.toLocaleString('en')} words`,
      ms(r.first.latency),
      ms(percentile(warm, 50)),
      `${ms(Math.min(...warm))}–${ms(Math.max(...warm))}`,
      `${lectern.lecternPerKey.toFixed(2)} ms`,
      `${lectern.mainThreadPerKey.toFixed(1)} / ${plainRun.mainThreadPerKey.toFixed(1)} ms`,
      `${share(lectern)} / ${share(plainRun)}`,
      `${lectern.longTasks.length} / ${plainRun.longTasks.length}`,
    ];
  });
  console.log('\nInput-to-mark latency (headless Chromium, e2e build, ProseMirror draft)');
  const widths = head.map((_, c) => Math.max(...[head, ...body].map((row) => row[c].length)));
  for (const row of [head, ...body])
    console.log(row.map((cell, c) => cell.padStart(widths[c])).join('  '));
  console.log(
    `Typed ${DELAY_MS} ms a key. Latency: ${SAMPLES + 1} sentences typed into one draft; a mark ` +
      `waits for a ${DEBOUNCE_MS} ms pause in typing, then the review in the background; ` +
      '"first review" is the first sentence typed into the freshly opened draft. Per-key cost: ' +
      `${ROUNDS} rounds of a sentence with Lectern running (marks shown), then one after stopping ` +
      'it in the same page. "Lectern script": sampled time in the content script and the ' +
      "browser calls it makes; main thread: all the page renderer's tasks (editor, layout, " +
      'paint, Lectern); key events: keydown…keyup slower than 16 ms to the next paint. A ' +
      'sampling profiler runs during both sides of the per-key cost, which inflates both.',
  );
}

function share(t: TypingTimes): string {
  return `${(t.slowEvents.length / Math.max(1, t.keystrokes)).toFixed(2)}`;
}

function ms(v: number): string {
  return `${Math.round(v)} ms`;
}
