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
  /** the renderer main thread's busy time (all tasks: page, editor, Lectern) per keystroke, ms */
  mainThreadPerKey: number;
  /** time in the content script's code (and what it calls) per keystroke, ms, sampled */
  lecternPerKey: number;
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
  const { busy, lectern } = await measured(page, () => page.keyboard.type(typed, { delay }));
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
  return {
    latency,
    slowEvents: times.slow,
    keystrokes: times.keys.length,
    longTasks: times.long,
    mainThreadPerKey: busy / Math.max(1, times.keys.length),
    lecternPerKey: lectern / Math.max(1, times.keys.length),
  };
}

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface Cdp {
  send(method: string, params?: object): Promise<unknown>;
  detach(): Promise<void>;
}

/**
 * Runs `action` and measures the page's main thread meanwhile: its busy time (DevTools'
 * TaskDuration) and, from a sampling profile, the time spent in the content script's code and
 * in the browser functions it called. Both in ms.
 */
async function measured(
  page: Page,
  action: () => Promise<void>,
): Promise<{ busy: number; lectern: number }> {
  const cdp = (await page.context().newCDPSession(page)) as unknown as Cdp;
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const before = await taskSeconds(cdp);
  await cdp.send('Profiler.start');
  await action();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const busy = ((await taskSeconds(cdp)) - before) * 1000;
  await cdp.detach();
  return { busy, lectern: contentScriptMs(profile) };
}

function contentScriptMs(profile: Profile): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const url = byId.get(id)?.callFrame.url ?? '';
    const up = parent.get(id);
    // Browser functions (no URL) count for whoever called them.
    const result = url ? url.includes('/content-scripts/') : up !== undefined && isOurs(up);
    ours.set(id, result);
    return result;
  };
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (isOurs(id)) us += profile.timeDeltas[i] ?? 0;
  });
  return us / 1000;
}

/** Seconds the renderer's main thread has spent running tasks so far. */
async function taskSeconds(cdp: Cdp): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

/** Types without waiting for a mark (a browser without Lectern); same measurements. */
export async function typeOnly(
  page: Page,
  typed: string,
  { delay = 40 } = {},
): Promise<TypingTimes> {
  const { busy, lectern } = await measured(page, () => page.keyboard.type(typed, { delay }));
  const times = await page.evaluate(
    () => (window as unknown as { typingTimes: PageTimes }).typingTimes,
  );
  return {
    latency: 0,
    slowEvents: times.slow,
    keystrokes: times.keys.length,
    longTasks: times.long,
    mainThreadPerKey: busy / Math.max(1, times.keys.length),
    lecternPerKey: lectern / Math.max(1, times.keys.length),
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
