import { describe, expect, it } from 'vitest';

import { addVersion, diffStats, diffTexts, prune, type Version } from '../../lib/history/versions';

const v = (at: number, text: string, reason: Version['reason'] = 'typing'): Version => ({
  id: `v${at}`,
  at,
  text,
  hash: `h-${text}`,
  words: text.split(' ').length,
  reason,
});
const opts = { pauseMs: 60_000, coalesceMs: 300_000, maxVersions: 5 };

describe('addVersion', () => {
  it('coalesces keystrokes into one version while the writer keeps typing', () => {
    let list: Version[] = [];
    for (let i = 1; i <= 20; i++) list = addVersion(list, v(i * 1000, 'a'.repeat(i)), opts);

    expect(list).toHaveLength(1);
    expect(list[0].text).toBe('a'.repeat(20));
  });

  it('starts a new version after a pause, at a sign-off, and every five minutes of typing', () => {
    let list = addVersion([], v(0, 'one'), opts);
    list = addVersion(list, v(120_000, 'one two'), opts);
    list = addVersion(list, v(121_000, 'one two', 'sign-off'), opts);
    list = addVersion(list, v(122_000, 'one two three'), opts);
    for (let t = 150_000; t <= 450_000; t += 30_000) list = addVersion(list, v(t, `x${t}`), opts);

    expect(list.map((x) => x.reason)).toEqual(['typing', 'sign-off', 'typing', 'typing']);
  });

  it('relabels the same text for a stronger reason, and keeps it for a weaker one', () => {
    let list = addVersion([], v(0, 'one'), opts);
    list = addVersion(list, v(1_000, 'one', 'sign-off'), opts);
    list = addVersion(list, v(2_000, 'one', 'manual'), opts);
    list = addVersion(list, v(3_000, 'one'), opts);

    expect(list.map((x) => [x.reason, x.at])).toEqual([['sign-off', 1_000]]);
  });

  it('never prunes a signed version', () => {
    const list = [v(1, 'a', 'sign-off'), v(2, 'b'), v(3, 'c'), v(4, 'd')];

    expect(prune(list, 2).map((x) => x.text)).toEqual(['a', 'd']);
  });
});

describe('diffTexts', () => {
  it.each(['word', 'sentence'] as const)(
    'by %s, rebuilds both texts and counts the change',
    (by) => {
      const before = 'The fire started at 2:15 a.m. Two people died.';
      const after = 'The fire started at 1:30 a.m. Two people died.';

      const parts = diffTexts(before, after, by);

      expect(
        parts
          .filter((p) => !p.added)
          .map((p) => p.value)
          .join(''),
      ).toBe(before);
      expect(
        parts
          .filter((p) => !p.removed)
          .map((p) => p.value)
          .join(''),
      ).toBe(after);
      expect(diffStats(parts).added).toBeGreaterThan(0);
    },
  );
});
