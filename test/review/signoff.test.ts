import { describe, expect, it } from 'vitest';

import { DEFAULT_LEVELS } from '../../lib/review/levels';
import {
  makeRecord,
  matchRecord,
  parseRecord,
  toTextBlock,
  verifyRecord,
} from '../../lib/review/record';
import {
  cannotSign,
  createKeyPair,
  levelStatuses,
  sha256Hex,
  signOff,
  verifySignOff,
  type SignOff,
} from '../../lib/review/signoff';

const approved = 'Crews stopped the leak at 9:10 a.m.';
const edited = 'Crews stopped the leak at 9:15 a.m.';
const drafter = { name: 'Jo Park', role: 'PIO' };
const chief = { name: 'Ana Ruiz', role: 'Head of communications' };

async function sign(
  level: string,
  reviewer = drafter,
  text = approved,
  keys?: CryptoKeyPair,
): Promise<SignOff> {
  return signOff(
    {
      level,
      reviewer,
      at: new Date().toISOString(),
      decision: 'approve',
      comment: '',
      overrides: [],
      textHash: await sha256Hex(text),
    },
    keys ?? (await createKeyPair()),
  );
}

describe('signOff', () => {
  it('verifies an untouched sign-off and rejects an edited one', async () => {
    const s = await sign('L1');

    expect(await verifySignOff(s)).toBe(true);
    expect(await verifySignOff({ ...s, comment: 'added later' })).toBe(false);
    expect(await verifySignOff({ ...s, reviewer: chief })).toBe(false);
  });
});

describe('levelStatuses', () => {
  it('shows an approval as stale once the text changes, and valid again when it returns', async () => {
    const l1 = await sign('L1');
    const l2 = await sign('L2', chief);

    const now = levelStatuses(DEFAULT_LEVELS, [l1, l2], await sha256Hex(edited));
    const back = levelStatuses(DEFAULT_LEVELS, [l1, l2], await sha256Hex(approved));

    expect(now.get('L1')?.state).toBe('stale');
    expect(now.get('L2')?.state).toBe('stale');
    expect(back.get('L1')?.state).toBe('approved');
    expect(back.get('L2')?.state).toBe('approved');
  });

  it('waits for the levels a level depends on', async () => {
    const statuses = levelStatuses(DEFAULT_LEVELS, [], await sha256Hex(approved));

    expect(statuses.get('L1')).toEqual({ state: 'open' });
    expect(statuses.get('L4')).toMatchObject({ state: 'waiting', on: ['L1b', 'L2', 'L3'] });
  });
});

describe('cannotSign', () => {
  it('refuses a level before its dependencies', async () => {
    const hash = await sha256Hex(approved);

    expect(
      cannotSign(DEFAULT_LEVELS, [], 'L2', { reviewer: chief, fingerprint: 'x' }, hash),
    ).toMatch(/L1 must approve/);
  });

  it('refuses one person signing two levels of the same text', async () => {
    const keys = await createKeyPair();
    const l1 = await sign('L1', drafter, approved, keys);
    const hash = await sha256Hex(approved);

    expect(
      cannotSign(
        DEFAULT_LEVELS,
        [l1],
        'L2',
        { reviewer: drafter, fingerprint: l1.fingerprint },
        hash,
      ),
    ).toMatch(/two levels/);
    expect(
      cannotSign(DEFAULT_LEVELS, [l1], 'L2', { reviewer: chief, fingerprint: 'other' }, hash),
    ).toBeUndefined();
  });
});

describe('review record', () => {
  it('travels as a pasted block and verifies', async () => {
    const hash = await sha256Hex(approved);
    const record = makeRecord({
      title: 'Leak',
      textHash: hash,
      levels: DEFAULT_LEVELS,
      signOffs: [await sign('L1')],
      dismissals: [],
    });

    const parsed = parseRecord(`Forwarded note\n\n${toTextBlock(record)}\n-- \nJo`);

    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(await verifyRecord(parsed.record)).toEqual(['verified']);
    expect(matchRecord(parsed.record, hash).matches).toBe(true);
    expect(matchRecord(parsed.record, await sha256Hex(edited))).toMatchObject({
      matches: false,
      reason: expect.stringMatching(/different text/),
    });
  });

  it('marks an altered sign-off invalid and an unlisted key unverified', async () => {
    const s = await sign('L1');
    const record = makeRecord({
      title: '',
      textHash: s.textHash,
      levels: DEFAULT_LEVELS,
      signOffs: [s, { ...s, level: 'L2' }],
      dismissals: [],
    });

    expect(await verifyRecord(record, ['not-this-key'])).toEqual(['unverified-key', 'invalid']);
  });

  it('says what is wrong with an unknown version or a damaged file', () => {
    expect(parseRecord('{"lectern":"review","version":9}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/version 9/),
    });
    expect(parseRecord('{"lectern":"review","version":1}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/damaged/),
    });
    expect(parseRecord('hello')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a Lectern review/),
    });
  });
});
