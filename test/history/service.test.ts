// Versions in storage (fake-indexeddb): coalesced typing, the user's limit applied without
// dropping approved texts, and how many were removed kept for the panel to say.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';

import {
  compareVersions,
  historyOf,
  recordVersion,
  setMaxVersions,
  versionText,
} from '../../lib/history/service';
import { draftVersions, putDraftReview, resetDbForTests } from '../../lib/storage';
import { sha256Hex, type SignOff } from '../../lib/review/signoff';

const KEY = 'https://news.example/compose top #body';
const T0 = Date.parse('2026-03-01T09:00:00Z');

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

const typed = (text: string, at: number) =>
  recordVersion({ key: KEY, text, grade: 'low' }, 'typing', at);

describe('recordVersion', () => {
  it('coalesces a run of typing, and starts a new version after a pause or on request', async () => {
    await typed('Crews', T0);
    await typed('Crews stopped', T0 + 2_000);
    await typed('Crews stopped the leak.', T0 + 4_000);
    await recordVersion({ key: KEY, text: 'Crews stopped the leak.' }, 'manual', T0 + 5_000);
    await typed('Crews stopped the leak at 9.', T0 + 120_000);

    const versions = await draftVersions(KEY);

    expect(versions.map((v) => [v.reason, v.text])).toEqual([
      ['manual', 'Crews stopped the leak.'],
      ['typing', 'Crews stopped the leak at 9.'],
    ]);
    expect(versions[1].words).toBe(6);
  });
});

describe('setMaxVersions', () => {
  it('removes the oldest versions beyond the limit, never an approved text, and counts them', async () => {
    for (let i = 0; i < 8; i++) await typed(`Version ${i}`, T0 + i * 120_000);
    const approved = await sha256Hex('Version 0');
    await putDraftReview({
      draftKey: KEY,
      signOffs: [{ textHash: approved, decision: 'approve', level: 'L1' } as SignOff],
      imports: [],
      pruned: 0,
    });

    const { removed } = await setMaxVersions(5);
    const history = await historyOf(KEY, await sha256Hex('Version 7'));

    expect(removed).toBe(3);
    expect(history.pruned).toBe(3);
    expect(history.maxVersions).toBe(5);
    expect(history.versions.map((v) => v.words)).toHaveLength(5);
    expect(history.versions.at(-1)?.signedBy).toEqual(['L1']);
    expect(history.versions[0].current).toBe(true);
  });

  it('keeps adding under the new limit as the writer goes on', async () => {
    await setMaxVersions(5);
    for (let i = 0; i < 7; i++) await typed(`Version ${i}`, T0 + i * 120_000);

    expect((await draftVersions(KEY)).map((v) => v.text)).toEqual([
      'Version 2',
      'Version 3',
      'Version 4',
      'Version 5',
      'Version 6',
    ]);
  });
});

describe('compareVersions', () => {
  it('diffs any two versions by word and by sentence', async () => {
    await typed('The fire started at 2:15 a.m. Two people died.', T0);
    await typed('The fire started at 1:30 a.m. on Jan. 3. Two people died.', T0 + 120_000);
    const [a, b] = await draftVersions(KEY);

    const words = await compareVersions(KEY, a.id, b.id, 'word');
    const sentences = await compareVersions(KEY, a.id, b.id, 'sentence');

    expect(words.parts.filter((p) => p.added).map((p) => p.value)).toEqual([
      '1',
      '30',
      'on Jan. 3. ',
    ]);
    expect(sentences.parts).toEqual([
      { value: 'The fire started at 2:15 a.m. ', removed: true },
      { value: 'The fire started at 1:30 a.m. on Jan. 3. ', added: true },
      { value: 'Two people died.' },
    ]);
    expect(await versionText(KEY, b.id)).toContain('1:30');
    await expect(versionText('another draft', b.id)).rejects.toThrow(/no longer stored/);
  });
});
