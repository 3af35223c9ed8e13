import { describe, expect, it } from 'vitest';

import { mergeKeys, parseTrustedKeys, trustedKeysFile, trustOf } from '../../lib/review/trust';
import { createKeyPair, sha256Hex, signOff } from '../../lib/review/signoff';

const FP = '0bc3:25fc:f9f8:cb0f:b475:150c:333a:c2b7';
const OTHER = '1111:2222:3333:4444:5555:6666:7777:8888';

describe('parseTrustedKeys', () => {
  it.each([
    [
      'a key list file',
      JSON.stringify(trustedKeysFile([{ fingerprint: FP, name: 'Jo', role: '' }])),
    ],
    ['one key entry', JSON.stringify({ fingerprint: FP, name: 'Jo', role: 'PIO' })],
    ['a JSON list of entries', JSON.stringify([{ fingerprint: FP.toUpperCase(), name: 'Jo' }])],
    ['lines of fingerprints with names', `# reviewers\n${FP} Jo\n`],
  ])('reads %s', (_, input) => {
    const parsed = parseTrustedKeys(input);

    expect(parsed).toMatchObject({ ok: true, keys: [{ fingerprint: FP, name: 'Jo' }] });
  });

  it('says what is wrong with anything else', () => {
    expect(parseTrustedKeys('hello')).toMatchObject({ ok: false, reason: /No key fingerprints/ });
    expect(parseTrustedKeys('{"fingerprint":"abc"}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Not a list of reviewers' keys/),
    });
  });
});

describe('mergeKeys', () => {
  it('keeps one entry per fingerprint, the later name winning', () => {
    const merged = mergeKeys(
      [{ fingerprint: FP, name: 'Jo', role: '' }],
      [
        { fingerprint: FP, name: 'Jo Park', role: 'PIO' },
        { fingerprint: OTHER, name: 'Ana', role: '' },
      ],
    );

    expect(merged.map((k) => k.name)).toEqual(['Jo Park', 'Ana']);
  });
});

describe('trustOf', () => {
  it('tells own, listed, unlisted and altered sign-offs apart', async () => {
    const s = await signOff(
      {
        level: 'L1',
        reviewer: { name: 'Jo', role: 'PIO' },
        at: new Date().toISOString(),
        decision: 'approve',
        comment: '',
        overrides: [],
        textHash: await sha256Hex('text'),
      },
      await createKeyPair(),
    );
    const listed = [{ fingerprint: s.fingerprint, name: 'Jo', role: '' }];

    expect(await trustOf(s, { own: s.fingerprint, trusted: [] })).toBe('own');
    expect(await trustOf(s, { trusted: listed })).toBe('trusted');
    expect(await trustOf(s, { trusted: [] })).toBe('unverified');
    expect(await trustOf({ ...s, comment: 'later' }, { trusted: listed })).toBe('invalid');
  });
});
