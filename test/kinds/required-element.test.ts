import { describe, expect, it } from 'vitest';

import { review } from '../../lib/engine';
import type { ContextInput, Finding } from '../../lib/engine/types';
import { expandMacros, leadStart } from '../../lib/kinds/required-element';
import { loadPacks } from '../../lib/rule-packs';
import { segment } from '../../lib/text/segment';

function element(params: Record<string, unknown>) {
  const rule = {
    id: 'test/element',
    kind: 'required-element',
    family: 'missing-element',
    category: 'next-update',
    severity: 'medium',
    message: 'missing',
    why: 'w',
    guideline: 'g',
    suggestion: 's',
    params,
    examples: { flag: ['x'], pass: ['y'] },
  };
  const files = {
    'test/pack.json': JSON.stringify({ name: 'test', lang: 'en', description: 'd' }),
    'test/element.json': JSON.stringify(rule),
  };
  const rules = loadPacks(files);
  expect(rules.problems).toEqual([]);
  return (text: string, context: ContextInput = { type: 'crisis-initial', flags: [] }) =>
    review(text, context, { rules }).findings as Finding[];
}

describe('expandMacros', () => {
  it('expands known building blocks and leaves other braces alone', () => {
    const re = new RegExp(expandMacros('at {TIME}'), 'iu');

    expect(re.test('at 9:40 a.m.')).toBe(true);
    expect(re.test('at noon')).toBe(true);
    expect(expandMacros('a{2,3}{NOPE}')).toBe('a{2,3}{NOPE}');
  });
});

describe('leadStart', () => {
  it('skips the header lines and finds the first prose paragraph', () => {
    const text =
      'City of Alder\nContact: Jo Park, 555-0100\n\nPool reopens\n\nALDER — The pool reopens Monday. It was closed for repairs.';

    expect(text.slice(leadStart(segment(text)))).toMatch(/^ALDER/);
  });
});

describe('required-element kind', () => {
  const nextUpdate = element({
    present: ['\\bnext update\\b{S}{0,40}{TIME}'],
    vague: ['\\bin due course\\b'],
    requiredFor: [{ types: ['crisis-initial'] }, { types: ['statement'], anyFlags: ['crisis'] }],
    severityByType: { 'crisis-initial': 'high' },
    anchor: 'end',
  });

  it('reports a zero-width finding at the anchor when the element is missing', () => {
    const text = 'A fire broke out. Crews are on scene.';
    const [f] = nextUpdate(text);

    expect(f).toMatchObject({ category: 'next-update', severity: 'high', excerpt: '' });
    expect(f.start).toBe(text.length);
  });

  it('accepts the element when present', () => {
    expect(nextUpdate('A fire broke out. Next update at 11 a.m.')).toEqual([]);
  });

  it('points at a vague stand-in, which never counts as the element', () => {
    const [f] = nextUpdate('A fire broke out. The next update will come in due course.');

    expect(f.excerpt).toBe('in due course');
  });

  it('requires the element only in the listed contexts', () => {
    expect(nextUpdate('A fire broke out.', { type: 'routine', flags: [] })).toEqual([]);
    expect(nextUpdate('A fire broke out.', { type: 'statement', flags: [] })).toEqual([]);
    expect(nextUpdate('A fire broke out.', { type: 'statement', flags: ['crisis'] })).toHaveLength(
      1,
    );
  });

  it('skips ignored sentences and the contact block under them', () => {
    const info = element({
      present: ['{PHONE}'],
      ignore: ['\\bmedia\\b'],
      ignoreBlocks: true,
      region: 'body',
    });
    const media = 'The road is closed. It will reopen Monday.\n\nMedia contact\nJo Park\n555-0100';
    const both = `${media}\n\nQuestions from the public: 555-0101.`;

    expect(info(media)).toHaveLength(1);
    expect(info(both)).toEqual([]);
  });

  it('reports a lighter finding when the element falls short of a stricter requirement', () => {
    const dated = element({
      present: ['{DATE}'],
      stricter: [
        {
          requiredFor: [{ anyFlags: ['crisis'] }],
          groups: [['{TIME}']],
          message: 'no time',
          severityByType: { 'crisis-initial': 'low' },
        },
      ],
    });
    const text = 'June 3, 2025\n\nA fire broke out.';

    expect(dated(text, { type: 'crisis-initial', flags: [] })).toEqual([]);
    expect(dated(text, { type: 'crisis-initial', flags: ['crisis'] })[0]).toMatchObject({
      message: 'no time',
      severity: 'low',
    });
  });

  it('honours a case-sensitive pattern', () => {
    const end = element({ present: ['(?-i)^END$'], region: 'tail' });

    expect(end('END')).toEqual([]);
    expect(end('end')).toHaveLength(1);
  });

  it('names the field of a broken pattern', () => {
    const rules = loadPacks({
      'test/pack.json': JSON.stringify({ name: 'test', lang: 'en', description: 'd' }),
      'test/broken.json': JSON.stringify({
        id: 'test/broken',
        kind: 'required-element',
        family: 'missing-element',
        category: 'end-mark',
        severity: 'low',
        message: 'm',
        why: 'w',
        guideline: 'g',
        suggestion: 's',
        params: { present: ['(unclosed'] },
        examples: { flag: ['x'], pass: ['y'] },
      }),
    });

    expect(rules.problems[0].message).toMatch(/params\.present\.0: invalid regular expression/);
  });
});
