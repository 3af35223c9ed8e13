// npm run bench:latency: input-to-mark latency in headless Chromium with the e2e build, on a
// ProseMirror draft of 1,000 and 10,000 words: the time from the last keystroke of a typed
// sentence to the highlight on its finding (debounce, read, message, review in the background,
// marks painted). Also what typing costs the page: key events slower than 16 ms and long tasks,
// with Lectern and in the same browser without it.
//
// Flags: --build runs `npm run build:e2e` first; --if-chromium skips quietly without Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { chromium, type Page } from 'playwright-core';

import { DEBOUNCE_MS } from '../lib/capture/capture';
import { CHROMIUM, launchWithExtension } from '../test/e2e/harness';
import { buildPages, serveSite, type Site } from '../test/e2e/pages/site';
import { instrument, percentile, typeAndTime, type TypingTimes } from '../test/e2e/pages/typing';

const SAMPLES = 5;
const DELAY_MS = 40;
const MARKED = 'nothing to worry about';
const sentence = (i: number) => ` Residents of block ${i + 1} have ${MARKED}.`;

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
  without: TypingTimes | null;
}

await buildPages();
const site = await serveSite();
const browser = await launchWithExtension();
const plain = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  ],
});
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
    rows.push({ words, first, warm, without: await withoutLectern(words) });
  }
} finally {
  await browser.close();
  await plain.close();
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

/** The same typing in a browser without the extension: what the editor alone costs. */
async function withoutLectern(words: number): Promise<TypingTimes> {
  const page = await plain.newPage({ viewport: { width: 1000, height: 800 } });
  try {
    await openAtEnd(page, site, words);
    await page.keyboard.type(sentence(0), { delay: DELAY_MS });
    const times = await page.evaluate(
      () =>
        (window as unknown as { typingTimes: { keys: number[]; slow: number[]; long: number[] } })
          .typingTimes,
    );
    return {
      latency: 0,
      slowEvents: times.slow,
      keystrokes: times.keys.length,
      longTasks: times.long,
    };
  } finally {
    await page.close();
  }
}

function print(table: Row[]): void {
  const head = [
    'draft',
    'first review',
    `keystroke → mark (median of ${SAMPLES})`,
    'min–max',
    'slow key events, Lectern / without',
    'long tasks, Lectern / without',
  ];
  const body = table.map((r) => {
    const warm = r.warm.map((t) => t.latency);
    const all = [r.first, ...r.warm];
    const keys = all.reduce((n, t) => n + t.keystrokes, 0);
    const slow = all.reduce((n, t) => n + t.slowEvents.length, 0);
    const long = all.flatMap((t) => t.longTasks);
    return [
      `${r.words.toLocaleString('en')} words`,
      ms(r.first.latency),
      ms(percentile(warm, 50)),
      `${ms(Math.min(...warm))}–${ms(Math.max(...warm))}`,
      `${slow}/${keys} / ${r.without?.slowEvents.length ?? '–'}/${r.without?.keystrokes ?? '–'}`,
      `${long.length ? `${long.length} (max ${ms(Math.max(...long))})` : 'none'} / ${r.without?.longTasks.length ? r.without.longTasks.length : 'none'}`,
    ];
  });
  console.log('\nInput-to-mark latency (headless Chromium, e2e build, ProseMirror draft)');
  const widths = head.map((_, c) => Math.max(...[head, ...body].map((row) => row[c].length)));
  for (const row of [head, ...body])
    console.log(row.map((cell, c) => cell.padStart(widths[c])).join('  '));
  console.log(
    `Typed ${DELAY_MS} ms a key; a mark waits for a ${DEBOUNCE_MS} ms pause in typing, then the review. ` +
      `"first review": the first sentence typed into the freshly opened draft.`,
  );
}

function ms(v: number): string {
  return `${Math.round(v)} ms`;
}
