import { describe, expect, it } from 'vitest';

import { review } from '../../lib/engine';
import { valueOf } from '../../lib/kinds/figure';
import { loadPacks } from '../../lib/rule-packs';

describe('valueOf', () => {
  it.each([
    ['14', 14],
    ['1,400', 1400],
    ['1.2 million', 1_200_000],
    ['Fifty-two', 52],
    ['three hundred', 300],
    ['twenty one thousand', 21_000],
  ])('reads %s', (token, value) => {
    expect(valueOf(token)).toBe(value);
  });

  it('returns undefined for words that are not numbers', () => {
    expect(valueOf('dozens')).toBeUndefined();
  });
});

const rule = {
  id: 'test/count',
  kind: 'figure',
  family: 'risky-phrasing',
  category: 'unsourced-figure',
  severity: 'medium',
  message: 'm',
  why: 'w',
  guideline: 'g',
  suggestion: 's',
  params: {
    patterns: ['(?<num>\\d+|two|three)\\s+people (?:died|were hurt)'],
    sources: ['\\b(?:said|according to)\\b'],
    number: '\\b(?:\\d+|two|three)\\b',
    window: 1,
  },
  examples: { flag: ['Two people died.'], pass: ['Two people died, police said.'] },
};
const rules = loadPacks({
  'test/pack.json': JSON.stringify({ name: 'test', lang: 'en', description: 'd' }),
  'test/count.json': JSON.stringify(rule),
});
const excerpts = (text: string) =>
  review(text, { type: 'routine', flags: [] }, { rules }).findings.map((f) => f.excerpt);

describe('figure kind', () => {
  it('loads', () => {
    expect(rules.problems).toEqual([]);
  });

  it('flags a count with no source nearby', () => {
    expect(excerpts('Three people died on Sunday.')).toEqual(['Three people died']);
  });

  it('accepts a count with a source in the sentence or its neighbour', () => {
    expect(excerpts('Three people died on Sunday, police said.')).toEqual([]);
    expect(excerpts('Three people died on Sunday. The coroner said so at noon.')).toEqual([]);
  });

  it('accepts a repeat of a value stated with a source elsewhere', () => {
    const text =
      'Two people died\n\nTwo people died on Sunday, police said.\n\nWe are sorry two people died.';
    expect(excerpts(text)).toEqual([]);
  });

  it('still flags a value that was never sourced', () => {
    const text = 'Two people died on Sunday, police said.\n\nLater, 3 people were hurt.';
    expect(excerpts(text)).toEqual(['3 people were hurt']);
  });
});
