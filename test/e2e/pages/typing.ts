// Typing into a long draft and timing it from the page's side: how long each keystroke's events
// take (Event Timing), long tasks on the page's main thread, and the time from the last
// keystroke to the highlight that marks what was typed. Shared by the e2e test and the bench.
import type { Page } from 'playwright-core';

export interface TypingTimes {
  /** last keydown → the new highlight is registered and a frame has been rendered, ms */
  latency: number;
  /** durations of keystroke events slower than 16 ms (Event Timing rounds to 8 ms) */
  slowEvents: number[];
  /** keystroke events seen */
  keystrokes: number;
  /** long tasks (over 50 ms) on the page's main thread while typing, ms */
  longTasks: number[];
}

interface PageTimes {
  keys: number[];
  slow: number[];
  long: number[];
}

/** Starts recording in the page; call once per page load. */
export async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const times: PageTimes = { keys: [], slow: [], long: [] };
    (window as unknown as { typingTimes: PageTimes }).typingTimes = times;
    document.addEventListener('keydown', () => times.keys.push(performance.now()), true);
    const keyEvents = new Set(['keydown', 'keypress', 'beforeinput', 'input', 'keyup']);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (keyEvents.has(e.name)) times.slow.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) times.long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
}

/** Highlighted ranges whose text is `text`, counted in the page. */
export function countMarks(page: Page, text: string): Promise<number> {
  return page.evaluate((t) => {
    let n = 0;
    for (const [, highlight] of CSS.highlights) {
      for (const range of highlight as unknown as Iterable<Range>) if (range.toString() === t) n++;
    }
    return n;
  }, text);
}

/**
 * Types `typed` at the caret, `delay` ms between keys, then waits until one more range than
 * before is highlighted with the text `marked`.
 */
export async function typeAndTime(
  page: Page,
  typed: string,
  marked: string,
  { delay = 40, timeout = 60_000 } = {},
): Promise<TypingTimes> {
  const before = await countMarks(page, marked);
  await page.evaluate(() => {
    const times = (window as unknown as { typingTimes: PageTimes }).typingTimes;
    times.keys.length = 0;
    times.slow.length = 0;
    times.long.length = 0;
  });
  await page.keyboard.type(typed, { delay });
  // No named inner functions here: tsx (the bench) would wrap them in a helper the page lacks.
  const latency = await page.evaluate(
    ({ text, count, limit }) =>
      new Promise<number>((resolve, reject) => {
        const times = (window as unknown as { typingTimes: PageTimes }).typingTimes;
        const last = times.keys[times.keys.length - 1];
        const started = performance.now();
        const poll = setInterval(() => {
          let n = 0;
          for (const [, highlight] of CSS.highlights) {
            for (const range of highlight as unknown as Iterable<Range>)
              if (range.toString() === text) n++;
          }
          if (n > count) {
            clearInterval(poll);
            // The mark is registered; the next frame paints it.
            requestAnimationFrame(() => resolve(performance.now() - last));
          } else if (performance.now() - started > limit) {
            clearInterval(poll);
            reject(new Error(`no new mark on "${text}" in ${limit} ms`));
          }
        }, 4);
      }),
    { text: marked, count: before, limit: timeout },
  );
  const times = await page.evaluate(
    () => (window as unknown as { typingTimes: PageTimes }).typingTimes,
  );
  return { latency, slowEvents: times.slow, keystrokes: times.keys.length, longTasks: times.long };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
