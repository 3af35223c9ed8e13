// A figure that needs a source (RISK-GUIDE §2.9): a count with no source and no as-of time in
// its sentence or its neighbours. Unlike a phrase, a figure is also cured when the same value
// is stated with a source elsewhere in the draft, so a headline ("Two dead in apartment fire")
// or an empathy line ("we are sorry that two people were hurt") that repeats a sourced count is
// not asked for a second attribution.
import { z } from 'zod';

import { anyMatch, compile, tidy, windowText } from './patterns';
import { defineKind, type Hit } from './kind';
import type { Segmented } from '../text/segment';

const Params = z.object({
  /** A figure in its context; the named group `num` holds the number itself. */
  patterns: z.array(z.string().min(1)).min(1),
  /** A source or an as-of time in the sentence (or its window) cures the figure. */
  sources: z.array(z.string().min(1)).min(1),
  /** Any number token; used to collect the values that are stated with a source. */
  number: z.string().min(1),
  /** Neighbouring sentences (same paragraph) searched for a source. */
  window: z.number().int().min(0).max(3).default(1),
  /** The sentence (plus window) must match one of these. */
  requires: z.array(z.string().min(1)).optional(),
});
type Params = z.infer<typeof Params>;

export const figure = defineKind({
  name: 'figure',
  params: Params,
  run(_rule, p, { text, doc }) {
    const sourced = sourcedValues(doc, p);
    const hits: Hit[] = [];
    for (const s of doc.sentences) {
      const around = windowText(doc, s, p.window);
      if (anyMatch(p.sources, around)) continue;
      if (p.requires && !anyMatch(p.requires, around)) continue;

      const found = firstFigure(p.patterns, s.text, sourced);
      if (found) hits.push(tidy(text, s.start + found.start, s.start + found.end));
    }
    return hits;
  },
});

function firstFigure(patterns: string[], sentence: string, sourced: Set<number>) {
  for (const source of patterns) {
    const re = compile(source, true);
    let m: RegExpExecArray | null;
    while ((m = re.exec(sentence)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const value = m.groups?.num === undefined ? undefined : valueOf(m.groups.num);
      if (value !== undefined && sourced.has(value)) continue;
      return { start: m.index, end: m.index + m[0].length };
    }
  }
  return undefined;
}

/** Every number stated in a sentence that carries (or sits next to) a source. */
function sourcedValues(doc: Segmented, p: Params): Set<number> {
  const values = new Set<number>();
  for (const s of doc.sentences) {
    if (!anyMatch(p.sources, windowText(doc, s, p.window))) continue;
    const re = compile(p.number, true);
    let m: RegExpExecArray | null;
    while ((m = re.exec(s.text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const v = valueOf(m[0]);
      if (v !== undefined) values.add(v);
    }
  }
  return values;
}

const SMALL =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen';
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety';
const UNITS: Record<string, number> = Object.fromEntries([
  ...SMALL.split(' ').map((w, i) => [w, i + 1] as const),
  ...TENS.split(' ').map((w, i) => [w, (i + 2) * 10] as const),
]);
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

/** "1,400", "1.2 million", "Fifty-two", "three hundred" → a number; anything else → undefined. */
export function valueOf(token: string): number | undefined {
  const words = token
    .toLowerCase()
    .replace(/[$,]/g, '')
    .split(/[\s-]+/)
    .filter(Boolean);
  let total = 0;
  let group = 0;
  for (const w of words) {
    if (/^\d+(\.\d+)?$/.test(w)) group += Number(w);
    else if (w in UNITS) group += UNITS[w];
    else if (w === 'hundred') group = (group || 1) * 100;
    else if (w in SCALES) {
      total += (group || 1) * SCALES[w];
      group = 0;
    } else return undefined;
  }
  return total + group;
}
