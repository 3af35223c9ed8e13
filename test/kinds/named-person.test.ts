import nlp from 'compromise';
import { describe, expect, it } from 'vitest';

import { findNames } from '../../lib/kinds/named-person';

function names(sentence: string): Array<[string, boolean]> {
  return findNames(sentence, nlp(sentence) as never)
    .filter((n) => !n.weak)
    .map((n) => [sentence.slice(n.start, n.end).replace(/\.$/, ''), n.official]);
}

describe('findNames', () => {
  it.each([
    ['Daniel Voss, 38, of Marrowgate was arrested on Tuesday.', 'Daniel Voss'],
    ['Searchers found Jaylin Marsh, 24, alive in a gully.', 'Jaylin Marsh'],
    ['The victim, Kayden Briggs, remains in intensive care.', 'Kayden Briggs'],
    [
      'The two people who died were Lena and Marek Halvik of 22 Willow Crescent.',
      'Lena and Marek Halvik',
    ],
    ['An officer used a Taser on Mr. Pellow twice.', 'Mr. Pellow'],
  ])('finds the private person in %s', (sentence, name) => {
    expect(names(sentence)).toContainEqual([name, false]);
  });

  it.each([
    ['said Police Chief Lawrence Abney.', 'Lawrence Abney'],
    ['Detective Lieutenant Ines Varga thanked the residents.', 'Ines Varga'],
    ['Under the leadership of County Executive Dale Ortiz, the county responded.', 'Dale Ortiz'],
  ])('marks titled officials in %s', (sentence, name) => {
    expect(names(sentence)).toContainEqual([name, true]);
  });

  it.each([
    'He was taken to Marrowgate Central High School.',
    'The Harbor County Jail holds him until Monday.',
    'Brindle Farms has been trusted for 50 years.',
    'Corvin Bay Hospital said he is stable.',
  ])('finds no person in %s', (sentence) => {
    expect(names(sentence)).toEqual([]);
  });

  it('keeps unfamiliar capitalised words only as weak candidates', () => {
    const found = findNames('Officers arrested Tavish Orrin on Monday.');
    expect(found).toHaveLength(1);
    expect(found[0].weak).toBe(true);
  });
});
