// The background's review desk on fake-indexeddb: signing bound to the text, stale approvals
// and their diffs, the last full approval, and the record travelling to a fresh profile.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';

import type { ContextInput } from '../../lib/engine/types';
import { draftVersions, putDraft, resetDbForTests } from '../../lib/storage';
import { recordVersion } from '../../lib/history/service';
import { auditOf } from '../../lib/review/handlers';
import { reviewOf, signLevel } from '../../lib/review/service';
import { setIdentity, setTrustedKeys, signingKeys } from '../../lib/review/settings';
import { sha256Hex } from '../../lib/review/signoff';
import { exportReview, importReview, titleOf } from '../../lib/review/travel';
import { reviewText } from '../helpers';

const KEY = 'https://news.example/compose top #body';
const ID = { page: 'https://news.example/compose', frame: '', selector: '#body' };
/** A complete routine release: grade low, so L1 alone must approve it. */
const CLEAN = [
  'NEWS RELEASE',
  'Larkhaven Public Library',
  'Media contact: Priya Lindgren, communications manager',
  '555-0131 | media@larkhaven-library.example.org',
  '',
  'Main Street library to open on Sundays from January',
  '',
  'LARKHAVEN, Colo., Dec. 9, 2025 — The Main Street branch will open on Sundays from noon to ' +
    '5 p.m. starting Jan. 11, Library Director Samuel Okafor said Tuesday.',
  '',
  'Opening hours for every branch are listed at larkhaven-library.example.org/hours.',
  '',
  '###',
].join('\n');
const EDITED = CLEAN.replace('noon to 5 p.m.', 'noon to 6 p.m.');
const HYPE = 'Our world-class crews stopped the leak at 9:10 a.m. Tuesday.';
const hooks = { draftQueue: <T>(_key: string, task: () => Promise<T>) => task() };

function freshProfile(): void {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
}

async function draft(text: string, context?: ContextInput, key = KEY): Promise<void> {
  const report = reviewText(text, context);
  await putDraft({
    key,
    id: key === KEY ? ID : { ...ID, selector: '#other' },
    kind: 'textarea',
    text,
    truncated: false,
    choice: null,
    report,
    updatedAt: Date.now(),
  });
  await recordVersion({ key, text, grade: report.grade }, 'typing');
}

/** Signs as the current reviewer; by default confirms every item and overrides every finding. */
async function sign(level: string, extra: Record<string, unknown> = {}) {
  const view = await reviewOf(KEY);
  const toSettle = view.levels.find((l) => l.id === level)?.toSettle ?? [];
  return signLevel({
    draftKey: KEY,
    textHash: view.textHash,
    level,
    decision: 'approve',
    attested: ['context-set', 'questions', 'identities'],
    overrides: toSettle.map((f) => ({ rule: f.rule, excerpt: f.excerpt, reason: 'Checked' })),
    ...extra,
  });
}

beforeEach(async () => {
  freshProfile();
  await setIdentity({ name: 'Jo Park', role: 'Press officer' });
});

describe('signLevel', () => {
  it('approves L1 of the exact text and keeps that text as a signed version', async () => {
    await draft(CLEAN);

    const view = await sign('L1', { comment: 'Checked.' });

    const l1 = view.levels.find((l) => l.id === 'L1')!;
    expect(l1.state).toBe('approved');
    expect(l1.signOff).toMatchObject({ comment: 'Checked.', trust: 'own', grade: view.grade });
    expect(l1.signOff?.textHash).toBe(await sha256Hex(CLEAN));
    expect(view.approval).toMatchObject({ state: 'current', levels: ['L1'] });
    expect((await draftVersions(KEY)).map((v) => v.reason)).toEqual(['sign-off']);
  });

  it('names every unconfirmed item and unsettled finding that blocks an approval', async () => {
    await draft(HYPE);

    const attempt = sign('L1', { attested: [], overrides: [] });

    await expect(attempt).rejects.toThrow(
      /To approve L1: Confirm “Release type.*Override “world-class crews”/,
    );
  });

  it('approves once each finding of the level is overridden with a reason', async () => {
    await draft(HYPE);
    const { levels } = await reviewOf(KEY);
    const overrides = levels[0].toSettle.map((f) => ({ ...f, reason: 'Award-winning crew' }));

    const view = await sign('L1', { overrides });

    expect(overrides.map((o) => o.excerpt)).toContain('world-class crews');

    expect(view.levels[0].state).toBe('approved');
    expect(view.levels[0].items.find((i) => i.id === 'publicity')?.signed).toBe('overridden');
  });

  it('refuses a sign-off when the draft moved on since the reviewer looked', async () => {
    await draft(CLEAN);
    const { textHash } = await reviewOf(KEY);
    await draft(EDITED);

    const attempt = signLevel({ draftKey: KEY, textHash, level: 'L1', decision: 'approve' });

    await expect(attempt).rejects.toThrow(/changed while you were signing/);
  });

  it('lets no one sign two levels of the same text, and no level before its dependencies', async () => {
    await draft(CLEAN);

    await expect(sign('L2')).rejects.toThrow(/L1 must approve this text first/);
    await sign('L1');
    await expect(sign('L2')).rejects.toThrow(/one person may not sign two levels/);
  });

  it('asks for a comment to return a draft', async () => {
    await draft(CLEAN);

    await expect(sign('L1', { decision: 'return' })).rejects.toThrow(/Say why/);
    const view = await sign('L1', { decision: 'return', comment: 'Add the next update time.' });
    expect(view.levels[0].state).toBe('returned');
  });
});

describe('reviewOf after an edit', () => {
  it('shows the approval as stale with the word diff, and valid again at the approved text', async () => {
    await draft(CLEAN);
    await sign('L1');

    await draft(EDITED);
    const stale = await reviewOf(KEY);
    await draft(CLEAN);
    const back = await reviewOf(KEY);

    expect(stale.levels[0]).toMatchObject({ state: 'stale', staleReason: 'text-changed' });
    expect(stale.levels[0].diff).toEqual(
      expect.arrayContaining([
        { value: '5', removed: true },
        { value: '6', added: true },
      ]),
    );
    expect(stale.approval).toMatchObject({ state: 'differs', added: 1, removed: 1 });
    expect(back.levels[0].state).toBe('approved');
    expect(back.approval.state).toBe('current');
  });

  it('counts a full approval only when every level required at the grade approved', async () => {
    const medium = { type: 'routine', flags: ['gov-issuer'] } as const;
    await draft(CLEAN, { ...medium, flags: [...medium.flags] });

    const view = await sign('L1');

    expect(view.levels.filter((l) => l.required).map((l) => l.id)).toEqual(['L1', 'L2']);
    expect(view.approval.state).toBe('none');
  });
});

describe('the record that travels', () => {
  it('attaches in a fresh profile to the draft with the same text, unverified until listed', async () => {
    await draft(CLEAN);
    await sign('L1');
    const { fingerprint } = await signingKeys();
    const { block, json, fileName } = await exportReview(KEY);

    freshProfile();
    await draft(CLEAN);
    const outcome = await importReview(block, KEY, hooks);
    const view = await reviewOf(KEY);
    await setTrustedKeys([{ fingerprint, name: 'Jo Park', role: '' }]);
    const listed = await reviewOf(KEY);
    const again = await importReview(json, KEY, hooks);

    expect(fileName).toMatch(/^lectern-review-main-street-library-to-open-on-sundays-.*\.json$/);
    expect(outcome).toMatchObject({ ok: true, matches: 'current', added: 1 });
    expect(view.levels[0]).toMatchObject({ state: 'approved', signOff: { trust: 'unverified' } });
    expect(listed.levels[0].signOff).toMatchObject({ trust: 'trusted', listedAs: 'Jo Park' });
    expect(again).toMatchObject({ ok: true, added: 0 });
  });

  it('says so when no draft has the text, when the record was altered, or its version is unknown', async () => {
    await draft(CLEAN);
    await sign('L1');
    const { json } = await exportReview(KEY);
    const altered = JSON.parse(json);
    altered.signOffs[0].reviewer.name = 'Ana Ruiz';

    freshProfile();
    await draft(EDITED);

    expect(await importReview(json, KEY, hooks)).toMatchObject({ ok: false, problem: 'no-match' });
    expect(await importReview(JSON.stringify(altered), KEY, hooks)).toMatchObject({
      ok: false,
      problem: 'altered',
      message: expect.stringMatching(/L1 sign-off by Ana Ruiz does not match its signature/),
    });
    expect(
      await importReview(JSON.stringify({ ...JSON.parse(json), version: 2 }), KEY, hooks),
    ).toMatchObject({ ok: false, problem: 'version' });
  });

  it('attaches to a draft that once had the text, and its sign-offs show stale', async () => {
    await draft(CLEAN);
    await sign('L1');
    const { json } = await exportReview(KEY);

    freshProfile();
    await draft(CLEAN);
    await recordVersion({ key: KEY, text: CLEAN }, 'manual');
    await draft(EDITED);
    const outcome = await importReview(json, undefined, hooks);

    expect(outcome).toMatchObject({ ok: true, matches: 'earlier-version', draftKey: KEY });
    expect((await reviewOf(KEY)).levels[0].state).toBe('stale');
  });
});

describe('auditOf', () => {
  it('lists versions, the sign-off and its overrides, oldest first, and renders Markdown', async () => {
    await draft(HYPE);
    await sign('L1');

    const audit = await auditOf(KEY);

    expect(audit.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['version', 'approve', 'override']),
    );
    expect(audit.markdown).toMatch(/^# Review audit trail: Our world-class crews/);
    expect(audit.markdown).toContain('L1 Drafter self-check approved by Jo Park (Press officer)');
  });
});

describe('titleOf', () => {
  it.each([
    [
      'NEWS RELEASE\nCounty of Alder\nSchools reopen Monday\nALDER, Ore. — Schools reopen.',
      'Schools reopen Monday',
    ],
    [
      'Media contact: Jo, 555-0100\nWater main repaired on Elm Street',
      'Water main repaired on Elm Street',
    ],
  ])('finds the headline of %j', (text, title) => {
    expect(titleOf(text)).toBe(title);
  });
});
