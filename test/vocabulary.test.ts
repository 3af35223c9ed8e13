import { describe, expect, it } from 'vitest';

import { review } from '../lib/engine';
import { builtinRules } from '../lib/rule-packs-node';
import {
  emptyVocabulary,
  mergeRuleSets,
  parseVocabulary,
  vocabularyRules,
} from '../lib/vocabulary';

const vocab = parseVocabulary({
  ...emptyVocabulary('Harlow County'),
  banned: [
    { term: 'accident', instead: 'crash', reason: 'An accident implies no one is at fault.' },
  ],
  preferred: [{ use: 'people experiencing homelessness', not: ['the homeless'] }],
  names: [{ official: 'Sheriff Ana Ruiz', variants: ['Sheriff Anna Ruiz'] }],
  sensitive: [
    { term: 'Northgate plant', note: 'Under state review since March.', severity: 'high' },
  ],
});

function categories(text: string): string[] {
  const rules = mergeRuleSets(builtinRules(), vocabularyRules(vocab));
  return review(text, { type: 'routine', flags: [] }, { rules }).findings.map(
    (f) => `${f.category}:${f.excerpt}`,
  );
}

describe('vocabularyRules', () => {
  it.each([
    ['The accident closed Route 9.', 'house-style:accident'],
    ['Shelter beds for the homeless open tonight.', 'house-style:the homeless'],
    ['Sheriff Anna Ruiz will speak at noon.', 'official-name:Sheriff Anna Ruiz'],
    ['Crews at the Northgate  plant finished work.', 'sensitive-matter:Northgate  plant'],
  ])('flags %j', (text, expected) => {
    expect(categories(text)).toContain(expected);
  });

  it.each([
    'Accidental damage is covered.',
    'Sheriff Ana Ruiz will speak at noon.',
    'Shelter beds for people experiencing homelessness open tonight.',
  ])('accepts %j', (text) => {
    expect(categories(text).filter((c) => /house-style|official-name|sensitive/.test(c))).toEqual(
      [],
    );
  });
});

describe('parseVocabulary', () => {
  it('names the field that is wrong', () => {
    expect(() => parseVocabulary({ ...emptyVocabulary(), banned: [{ term: 'x' }] })).toThrow(
      /banned\.0\.reason/,
    );
  });
});
