import { describe, expect, it } from 'vitest';

import { review } from '../../lib/engine';
import { loadPacks } from '../../lib/rule-packs';

const rule = {
  id: 'test/acronym',
  kind: 'acronym',
  family: 'risky-phrasing',
  category: 'evasive-language',
  severity: 'low',
  message: 'm',
  why: 'w',
  guideline: 'g',
  suggestion: 's',
  params: { allow: ['FBI'], ignore: ['DANGER'] },
  examples: { flag: ['The EOC opened.'], pass: ['The FBI is here.'] },
};
const rules = loadPacks({
  'test/pack.json': JSON.stringify({ name: 'test', lang: 'en', description: 'd' }),
  'test/acronym.json': JSON.stringify(rule),
});
const excerpts = (text: string) =>
  review(text, { type: 'routine', flags: [] }, { rules }).findings.map((f) => f.excerpt);

describe('acronym kind', () => {
  it('loads', () => {
    expect(rules.problems).toEqual([]);
  });

  it('flags the first use of each undefined acronym', () => {
    expect(excerpts('The OCC has stood up the MACS. The OCC will brief the IMT.')).toEqual([
      'OCC',
      'MACS',
      'IMT',
    ]);
  });

  it('accepts an acronym spelled out in parentheses or by its initials', () => {
    expect(excerpts('The Emergency Operations Center (EOC) opened; the EOC is staffed.')).toEqual(
      [],
    );
    expect(excerpts('The EOC (Emergency Operations Center) opened at 7 a.m.')).toEqual([]);
    expect(excerpts('The National Transportation Safety Board said NTSB staff arrived.')).toEqual(
      [],
    );
  });

  it('still flags an acronym spelled out only after its first use', () => {
    expect(
      excerpts('The EOC opened.\nLater, the Emergency Operations Center (EOC) closed.'),
    ).toEqual(['EOC']);
  });

  it('skips headings, datelines, allowed and English words, tickers and ZIP codes', () => {
    const text = [
      'FOR IMMEDIATE RELEASE',
      'UPDATE 3 — Linden Court fire',
      'SALEM, Ore. — Do NOT enter. DANGER signs are up. The FBI is helping.',
      'Brindle Farms (NYSE: BRF) is at 100 Main St., Salem, OR 97301.',
    ].join('\n');
    expect(excerpts(text)).toEqual([]);
  });
});
