// The background's library handlers through fakeBrowser and fake-indexeddb: dismissals per
// draft, the organisation's vocabulary, the archive of prior releases with its persisted fact
// index, fact changes since the last release, page capture, and the user's data.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import background from '@/entrypoints/background';
import type { ArchiveFile } from '@/lib/archive-file';
import { parseDismissals, type DismissalRecord } from '@/lib/dismissals';
import type { Finding } from '@/lib/engine/types';
import type { FactChanges } from '@/lib/fact-changes';
import { removeAllListeners, type PanelState, type ReleaseSummary } from '@/lib/messaging';
import { getDraft, getSetting, putSetting, resetDbForTests } from '@/lib/storage';
import { emptyVocabulary } from '@/lib/vocabulary';

import { DRAFT, MATTER, RELEASES } from './e2e/linden-court';

const EXT = 'test-extension-id';
const CONTENT = { id: EXT, tab: { id: 7 }, frameId: 0, url: 'https://news.example/compose' };
const PANEL = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
const OPTIONS = { id: EXT, tab: { id: 3 }, url: `chrome-extension://${EXT}/options.html` };

const ID = { page: 'https://news.example/compose', frame: '', selector: '#body' };
const KEY = 'https://news.example/compose top #body';
const SHORT =
  'Fire at the Riverside plant\nA fire broke out at the plant on Tuesday. Two workers were ' +
  'injured. Residents have nothing to worry about.';

const FOURTH = `Orlen County Fire District
UPDATE 4 — Linden Court apartment fire
FOR IMMEDIATE RELEASE — 9 p.m., Friday, March 14, 2025

Fourth death in Linden Court fire

TAMSFORD, Ore. — The Orlen County medical examiner confirmed a fourth death at 8:30 p.m., raising the number of people who died from three to four.

###`;

async function deliver<T>(type: string, data: unknown, sender: object = PANEL): Promise<T> {
  let respond!: (value: { res?: T; err?: { message: string } }) => void;
  const answer = new Promise<{ res?: T; err?: { message: string } }>((r) => (respond = r));
  const message = { id: 1, type, data, timestamp: Date.now() };

  await fakeBrowser.runtime.onMessage.trigger(message, sender as never, respond as never);

  const { res, err } = await answer;
  if (err) throw new Error(err.message);
  return res as T;
}

function typed(text: string) {
  return deliver('draftChanged', { id: ID, kind: 'textarea', text, truncated: false }, CONTENT);
}

async function report() {
  return (await deliver<PanelState>('getState', { tabId: 7 })).draft!.report;
}

function ref(f: Finding) {
  return { tabId: 7, draftKey: KEY, rule: f.rule, excerpt: f.excerpt, start: f.start, end: f.end };
}

async function pasteReleases(): Promise<ReleaseSummary[]> {
  const releases = RELEASES.map((r) => ({ text: r.text, date: r.date, matter: MATTER }));
  return (
    await deliver<{ added: ReleaseSummary[] }>(
      'addReleases',
      { releases, origin: 'paste' },
      OPTIONS,
    )
  ).added;
}

beforeEach(() => {
  removeAllListeners();
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
  fakeBrowser.scripting.getRegisteredContentScripts = vi.fn(async () => []) as never;
  background.main();
});

describe('dismissals', () => {
  it('keeps the finding listed with reason, who and when, and stops counting it', async () => {
    await typed(SHORT);
    const before = await report();
    const target = before.findings.find((f) => f.rule === 'core/no-need-to-worry')!;

    const state = await deliver<PanelState>('dismissFinding', {
      ...ref(target),
      reason: 'Quoting the plant manager, attributed in the next line.',
      by: 'Jo Park',
    });

    const after = state.draft!.report;
    expect(after.findings).toHaveLength(before.findings.length);
    const dismissed = after.findings.find((f) => f.rule === target.rule)!;
    expect(dismissed.dismissed).toMatchObject({
      reason: expect.stringMatching(/plant manager/),
      by: 'Jo Park',
    });
    expect(Date.parse(dismissed.dismissed!.at)).not.toBeNaN();
    expect(after.points).toBe(before.points - target.points);
    expect(after.drivers).not.toContain(target.rule);
  });

  it('persists per draft, survives edits elsewhere and exports as the CLI record', async () => {
    await typed(SHORT);
    const target = (await report()).findings.find((f) => f.rule === 'core/no-need-to-worry')!;
    await deliver('dismissFinding', { ...ref(target), reason: 'ok here', by: 'Jo' });

    await typed(`UPDATE: ${SHORT}`);

    const again = (await report()).findings.find((f) => f.rule === target.rule)!;
    expect(again.dismissed?.reason).toBe('ok here');
    const record = await deliver<DismissalRecord>('getDismissals', { draftKey: KEY });
    expect(parseDismissals(JSON.parse(JSON.stringify(record)))).toEqual([
      expect.objectContaining({
        rule: target.rule,
        excerpt: target.excerpt,
        occurrence: 0,
        by: 'Jo',
      }),
    ]);
  });

  it('restores a dismissed finding', async () => {
    await typed(SHORT);
    const before = await report();
    const target = before.findings.find((f) => f.rule === 'core/no-need-to-worry')!;
    await deliver('dismissFinding', { ...ref(target), reason: 'ok', by: 'Jo' });

    const state = await deliver<PanelState>('restoreFinding', ref(target));

    expect(state.draft!.report.findings.filter((f) => f.dismissed)).toEqual([]);
    expect(state.draft!.report.points).toBe(before.points);
    expect((await deliver<DismissalRecord>('getDismissals', { draftKey: KEY })).items).toEqual([]);
  });

  it('needs a reason and a name, a finding that exists, and a panel as sender', async () => {
    await typed(SHORT);
    const target = (await report()).findings[0];

    await expect(
      deliver('dismissFinding', { ...ref(target), reason: '  ', by: 'Jo' }),
    ).rejects.toThrow();
    await expect(
      deliver('dismissFinding', { ...ref(target), reason: 'x', by: '' }),
    ).rejects.toThrow();
    await expect(
      deliver('dismissFinding', { ...ref(target), start: 1, reason: 'x', by: 'Jo' }),
    ).rejects.toThrow(/no longer in the review/);
    await expect(
      deliver('dismissFinding', { ...ref(target), reason: 'x', by: 'Jo' }, CONTENT),
    ).rejects.toThrow(/extension pages only/);
  });

  it('remembers the reviewer’s name', async () => {
    expect(await deliver('getReviewer', undefined)).toEqual({ name: null });

    await deliver('setReviewer', { name: ' Carla Nyberg ' });

    expect(await deliver('getReviewer', undefined)).toEqual({ name: 'Carla Nyberg' });
  });
});

describe('vocabulary', () => {
  const vocabulary = {
    ...emptyVocabulary('Riverside County'),
    banned: [{ term: 'plant', instead: 'facility', reason: 'House style since 2024.' }],
  };

  it('is merged into the rules and the open draft is reviewed again', async () => {
    await typed(SHORT);
    expect((await report()).findings.some((f) => f.category === 'house-style')).toBe(false);

    expect(await deliver('setVocabulary', { vocabulary }, OPTIONS)).toEqual({ rules: 1 });

    const house = (await report()).findings.filter((f) => f.category === 'house-style');
    expect(house.map((f) => f.excerpt)).toEqual(['plant', 'plant']);
    expect(house[0].suggestion).toBe('Use "facility" instead.');
    expect((await deliver<{ vocabulary: unknown }>('getVocabulary', undefined)).vocabulary).toEqual(
      vocabulary,
    );
  });

  it('refuses an invalid vocabulary, naming the field, and keeps the one in use', async () => {
    await deliver('setVocabulary', { vocabulary }, OPTIONS);
    const broken = { ...vocabulary, banned: [{ term: 'plant', reason: '' }] };

    await expect(deliver('setVocabulary', { vocabulary: broken }, OPTIONS)).rejects.toThrow(
      /banned\.0\.reason/,
    );
    expect((await deliver<{ vocabulary: unknown }>('getVocabulary', undefined)).vocabulary).toEqual(
      vocabulary,
    );
  });

  it('is removed with null', async () => {
    await deliver('setVocabulary', { vocabulary }, OPTIONS);
    await typed(SHORT);

    await deliver('setVocabulary', { vocabulary: null }, OPTIONS);

    expect((await report()).findings.some((f) => f.category === 'house-style')).toBe(false);
  });
});

describe('the archive', () => {
  it('stores pasted releases with their dates and names them by their headlines', async () => {
    const added = await pasteReleases();

    expect(added.map((r) => [r.source, r.date, r.matter])).toEqual([
      ['Two dead in Linden Court apartment fire', '2025-03-14 06:30', MATTER],
      ['Search continues at Linden Court; two deaths confirmed', '2025-03-14 12:00', MATTER],
      ['Third person found dead in Linden Court fire', '2025-03-14 18:00', MATTER],
    ]);
    const { releases } = await deliver<{ releases: ReleaseSummary[] }>('listReleases', undefined);
    expect(releases).toHaveLength(3);
    expect(releases[0]).not.toHaveProperty('text');
  });

  it('finds a contradiction with both excerpts, their sentences and the earlier date', async () => {
    await pasteReleases();
    await typed(DRAFT);

    const finding = (await report()).findings.find((f) => f.category === 'count-changed')!;

    expect(finding.severity).toBe('critical');
    expect(finding.excerpt).toBe('Two people');
    expect(finding.related).toMatchObject({
      source: 'Third person found dead in Linden Court fire',
      excerpt: 'three',
      date: '2025-03-14 18:00',
    });
    expect((finding as Finding & { sentences?: unknown }).sentences).toEqual({
      draft:
        'TAMSFORD, Ore. — Two people died in the Linden Court apartment fire on Friday, the Orlen County Fire District said.',
      related:
        'The Orlen County medical examiner confirmed the death at 4:45 p.m., raising the number of people who died from two to three.',
    });
  });

  it('reviews the open draft again when a release is added', async () => {
    await typed(DRAFT);
    expect((await report()).findings.some((f) => f.category === 'count-changed')).toBe(false);

    await pasteReleases();

    expect((await report()).findings.some((f) => f.category === 'count-changed')).toBe(true);
  });

  it('keeps a snapshot of the fact index with the ids it covers, rebuilt after a deletion', async () => {
    const added = await pasteReleases();
    expect(await getSetting('archiveIndex.ids')).toEqual(added.map((r) => r.id));
    expect(await getSetting<{ releases: unknown[] }>('archiveIndex')).toMatchObject({
      releases: expect.any(Array),
    });

    await deliver('deleteRelease', { id: added[2].id }, OPTIONS);
    await typed(DRAFT);

    // The draft's two deaths now agree with the latest release left (noon: two deaths).
    expect((await report()).findings.some((f) => f.category === 'count-changed')).toBe(false);
    expect(await getSetting('archiveIndex.ids')).toEqual([added[0].id, added[1].id]);
  });

  it('loads the stored snapshot after a worker restart instead of extracting again', async () => {
    await pasteReleases();
    const stored = await getSetting<{ releases: Array<{ source: string }> }>('archiveIndex');
    // A marker only the stored copy has: the restarted worker must use it as it is.
    stored!.releases[2].source = 'from the stored index';
    await putSetting('archiveIndex', stored);

    removeAllListeners();
    background.main();
    await typed(DRAFT);

    const finding = (await report()).findings.find((f) => f.category === 'count-changed')!;
    expect(finding.related?.source).toBe('from the stored index');
  });

  it('journals a release added later, and replays it after a restart', async () => {
    const first = await pasteReleases();
    const [fourth] = (
      await deliver<{ added: ReleaseSummary[] }>(
        'addReleases',
        { releases: [{ text: FOURTH, matter: MATTER }], origin: 'paste' },
        OPTIONS,
      )
    ).added;
    expect(fourth.date).toBe('2025-03-14 21:00');
    expect(await getSetting('archiveIndex.ids')).toEqual(first.map((r) => r.id));
    expect(await getSetting('archiveIndex.journal')).toEqual([fourth.id]);

    removeAllListeners();
    background.main();
    await typed(DRAFT);

    const finding = (await report()).findings.find((f) => f.category === 'count-changed')!;
    expect(finding.related).toMatchObject({ source: fourth.source, excerpt: 'a fourth death' });
  });

  it('refuses a release without text, naming it', async () => {
    await expect(
      deliver('addReleases', { releases: [{ text: '  ' }], origin: 'paste' }, OPTIONS),
    ).rejects.toThrow(/release 1, text: a release needs its text/);
  });

  it('exports and imports the archive as one file, skipping releases it already holds', async () => {
    await pasteReleases();
    const file = await deliver<ArchiveFile>('exportArchive', undefined);
    expect(file).toMatchObject({ lectern: 'archive', version: 1 });
    expect(file.releases).toHaveLength(3);

    const extra = { text: 'Alder Street reopened on Sunday.', date: '2025-03-16 10:00' };
    const again = { ...file, releases: [...file.releases, extra] };

    expect(await deliver('importArchive', { file: again }, OPTIONS)).toEqual({ added: 1 });
    await expect(
      deliver('importArchive', { file: { lectern: 'archive', version: 2 } }, OPTIONS),
    ).rejects.toThrow(/archive version/);
  });

  it('marks the draft as released, dated by its own release line', async () => {
    await typed(DRAFT);

    const added = await deliver<ReleaseSummary>('markReleased', { tabId: 7, draftKey: KEY });

    expect(added).toMatchObject({
      source: 'Linden Court residents allowed to collect belongings (released)',
      date: '2025-03-15 09:00',
      origin: 'draft',
    });
  });

  it('captures the text of the published page in the tab, checked like any message', async () => {
    const page = {
      title: 'Alder Street reopens',
      url: 'https://county.example/news/alder',
      text: 'TAMSFORD, Ore. — Alder Street reopened on Sunday morning.',
      date: '2025-03-16T10:00:00-07:00',
    };
    const run = vi.fn(async () => [{ frameId: 0, result: page }]);
    fakeBrowser.scripting.executeScript = run as never;

    const added = await deliver<ReleaseSummary>('capturePage', { tabId: 7 });

    expect(run).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7 } }));
    expect(added).toMatchObject({
      source: 'Alder Street reopens',
      date: '2025-03-16 10:00',
      url: page.url,
      origin: 'page',
    });

    fakeBrowser.scripting.executeScript = vi.fn(async () => [
      { frameId: 0, result: { ...page, text: 42 } },
    ]) as never;
    await expect(deliver('capturePage', { tabId: 7 })).rejects.toThrow();
    fakeBrowser.scripting.executeScript = vi.fn(async () => {
      throw new Error('Cannot access contents of the page');
    }) as never;
    await expect(deliver('capturePage', { tabId: 7 })).rejects.toThrow(/Turn it on/);
  });
});

describe('changes since the last release', () => {
  it('lists every fact delta against the matter’s latest earlier release', async () => {
    await pasteReleases();
    await typed(DRAFT);

    const { since, changes } = await deliver<FactChanges>('getChanges', {
      tabId: 7,
      draftKey: KEY,
    });

    expect(since).toMatchObject({
      source: 'Third person found dead in Linden Court fire',
      date: '2025-03-14 18:00',
      matter: MATTER,
    });
    const dead = changes.find((c) => c.key === 'count:dead:people')!;
    expect(dead.status).toBe('changed');
    expect(dead.before.map((s) => s.value)).toEqual(['3']);
    expect(dead.after.map((s) => s.value)).toEqual(['2']);
    const dispatch = changes.find((c) => c.key === 'time:dispatch')!;
    expect(dispatch.status).toBe('new');
    expect(dispatch.earlier).toMatchObject({ value: '3:52 a.m.', date: '2025-03-14 06:30' });
  });

  it('is empty without an archive', async () => {
    await typed(DRAFT);

    expect(await deliver('getChanges', { tabId: 7, draftKey: KEY })).toEqual({ changes: [] });
  });
});

describe('the user’s data', () => {
  it('exports everything and deletes drafts, reports and dismissals on request', async () => {
    await pasteReleases();
    await typed(SHORT);
    const target = (await report()).findings[0];
    await deliver('dismissFinding', { ...ref(target), reason: 'ok', by: 'Jo' });

    const all = await deliver<Record<string, unknown[]>>('exportAll', undefined, OPTIONS);
    expect(all).toMatchObject({ lectern: 'export', version: 1 });
    expect(all.drafts).toHaveLength(1);
    expect(all.dismissals).toHaveLength(1);
    expect((all.archive as unknown as ArchiveFile).releases).toHaveLength(3);

    expect(await deliver('deleteAllDrafts', undefined, OPTIONS)).toEqual({ deleted: 1 });
    expect(await getDraft(KEY)).toBeUndefined();
    expect((await deliver<DismissalRecord>('getDismissals', { draftKey: KEY })).items).toEqual([]);
    expect(
      (await deliver<{ releases: unknown[] }>('listReleases', undefined)).releases,
    ).toHaveLength(3);
  });
});
