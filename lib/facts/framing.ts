// How a sentence frames the values in it. The same figure means different things in "two
// people died", "raising the toll from two, as we reported at noon, to three" (two is the old
// figure, restated) and "the correct time is 8:14 a.m." (a correction). Comparison needs to
// know which is which, and when a running figure was counted ("As of 5 p.m., …").
import type { Sentence } from '../text/segment';
import type { Framing } from './types';
import { CLOCK, DAY, parseClock, resolveDay } from './when';

/** Wording anywhere earlier in the clause that restates what an earlier release said. */
const CITE_CLAUSE = new RegExp(
  [
    String.raw`\b(?:statement|release|update|report|announcement|notice)s? (?:said|gave|stated|reported|put|listed)\b`,
    String.raw`\b(?:we|it|they) (?:had )?(?:said|reported|stated|gave|announced)\b`,
    String.raw`\b(?:previously|earlier|initially|originally|first) (?:reported|stated|said|given|announced)\b`,
    String.raw`\bas (?:we|it) (?:had )?(?:reported|said|stated)\b`,
    String.raw`\b(?:was|were) (?:first |earlier |previously )?(?:reported|given|stated) as\b`,
  ].join('|'),
  'i',
);

/** Wording right before a value that makes it the old or rejected one ("up from 23"). */
const CITE_NEAR =
  /\b(?:from|instead of|rather than|not|compared (?:with|to))\s+(?:about |around |approximately |the |an? )?$/i;

const UPDATE =
  /\b(?:rais(?:e|es|ed|ing)|ris(?:e|es|en|ing)|rose|increas\w*|climb\w*|grew|grown|up from|now|another|additional|(?:more|new) (?:deaths?|people|cases|victims|bodies|injuries|arrests)|latest|so far|to date|updated?|bring(?:s|ing)? the (?:total|number|toll)|total (?:now )?stands|toll (?:has )?(?:risen|rose))\b/i;

export const CORRECTION =
  /\b(?:correct(?:ion|ed|s|ing)?|the correct \w+|revis\w+|wrong(?:ly)?|incorrect\w*|in error|mistaken\w*|by mistake|misstat\w+|should have (?:said|read|been)|erroneous\w*|inaccurate\w*|not \S+,? as (?:previously|earlier|first|we) (?:reported|stated|said)|(?:initially|originally|first|previously|earlier) (?:reported|said|stated|given|listed))\b/i;

/** Wording that gives a reason for a correction or revision. */
export const REASON =
  /\b(?:because|by mistake|due to|owing to|as a result of|was taken from|were taken from|counted twice|double[- ]counted|duplicate\w*|(?:records?|data|readings?|logs?|footage|video|tests?|results?|sensors?|investigation|review) (?:show|showed|shows|indicate\w*|confirm\w*|found)|after (?:a |further )?(?:review|checking|re-?counting|verification)|after (?:\w+ ){0,3}(?:checked|reviewed|re-?counted|verified|compared|matched)|mistakenly|misread|clerical|typographical|confused with)\b/i;

/** The framing of a value that starts at `at` (an offset into the sentence text). */
export function frameAt(sentence: string, at: number, ordinal = false): Framing {
  const frame: Framing = {};
  if (citedAt(sentence, at)) frame.cited = true;
  if (ordinal || UPDATE.test(sentence)) frame.updated = true;
  if (CORRECTION.test(sentence)) frame.corrected = true;
  return frame;
}

/** The value at `at` is an earlier figure restated, not the sentence's own claim. */
/** "Fourteen people were initially reported injured": the report, not the count, comes after. */
const CITE_AFTER =
  /^[^,;]{0,40}?\b(?:were|was|had been) (?:initially|originally|first|earlier|previously) (?:reported|said|listed|thought|believed|counted)\b/i;

function citedAt(sentence: string, at: number): boolean {
  if (CITE_AFTER.test(sentence.slice(at, at + 90))) return true;
  const before = sentence.slice(Math.max(0, at - 120), at);
  if (CITE_NEAR.test(before)) return true;
  const clause = before.split(/;|—|\bbut\b|\bthe correct\b|\bnow\b/i).pop() ?? '';
  const m = CITE_CLAUSE.exec(clause);
  // "from two, as we reported at noon, to three": the value after "to" is the new one.
  return Boolean(m) && !/\bto\s*$/i.test(clause.slice(m!.index));
}

const AS_OF = new RegExp(
  [
    String.raw`\bas of (?<c1>${CLOCK})(?:,? (?:on )?(?<d1>${DAY}))?`,
    String.raw`\bas of (?<d2>${DAY})(?:,? at (?<c2>${CLOCK}))?`,
    String.raw`\baccording to (?:its|their|the|our|his|her) (?<c3>${CLOCK}) (?:count|figures|update|report|tally|census)`,
    String.raw`\b(?:said|says|reported|reports|confirmed) (?:at|by) (?<c4>${CLOCK})(?:,? (?<d4>${DAY}))?`,
    String.raw`\b(?:at|by) (?<c5>${CLOCK})(?:,? (?<d5>${DAY}))?, (?:\w+ ){0,4}(?:reported|reports|said|says|showed|shows)`,
  ].join('|'),
  'i',
);

/** When the running figures in a sentence were counted, if it says. */
const AS_OF_HINT =
  /\bas of\b|according to|\b(?:said|says|reported|reports|confirmed|showed|shows)\b/i;

export function asOfIn(sentence: string, issued: number | undefined): number | undefined {
  if (!AS_OF_HINT.test(sentence)) return undefined;
  const m = AS_OF.exec(sentence);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const clock = g.c1 ?? g.c2 ?? g.c3 ?? g.c4 ?? g.c5;
  const dayText = g.d1 ?? g.d2 ?? g.d4 ?? g.d5;
  const refDay = issued === undefined ? 0 : Math.floor(issued / 1440);
  const day = dayText ? resolveDay(dayText, refDay, 'past') : refDay;
  if (day === undefined) return undefined;
  const minutes = clock ? parseClock(clock) : 720;
  return day * 1440 + (minutes ?? 720);
}

/**
 * As-of times per sentence. A paragraph that opens "As of noon Thursday, …" dates the
 * figures in its later sentences too.
 */
export function asOfBySentence(
  sentences: Sentence[],
  issued: number | undefined,
): Array<number | undefined> {
  const out: Array<number | undefined> = [];
  let paragraph = -1;
  let current: number | undefined;
  for (const s of sentences) {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      current = undefined;
    }
    const own = asOfIn(s.text, issued);
    if (own !== undefined) current = own;
    out.push(own ?? current);
  }
  return out;
}
