// A list of phrase patterns, gated by what else the sentence (or its neighbours, or the whole
// draft) says. Gates are how common words stay quiet: "only" needs a harm noun near it, "safe"
// is cured by who tested what, "guarantee" is no guarantee when negated.
import { z } from 'zod';

import { anyMatch, compile, matchAll, tidy, windowText } from './patterns';
import { defineKind, type Hit } from './kind';

const Params = z.object({
  patterns: z.array(z.string().min(1)).min(1),
  /** The sentence (plus window) must match one of these. */
  requires: z.array(z.string().min(1)).optional(),
  /** The sentence (plus window) matching one of these cures it. */
  unless: z.array(z.string().min(1)).optional(),
  /** The text before the match (in its sentence) matching one of these cures it. */
  unlessBefore: z.array(z.string().min(1)).optional(),
  /** The whole draft matching one of these cures every hit. */
  unlessDocument: z.array(z.string().min(1)).optional(),
  requiresDocument: z.array(z.string().min(1)).optional(),
  /** Neighbouring sentences (same paragraph) that count for requires/unless. */
  window: z.number().int().min(0).max(3).default(0),
  /**
   * Report the matched words (default), the whole sentence, or one span per sentence from the
   * first match of any pattern to the last (a sentence that piles up several hype words).
   */
  span: z.enum(['match', 'sentence', 'union']).default('match'),
  /** At most one finding per sentence (the first match). */
  oncePerSentence: z.boolean().default(true),
  /** Match `patterns` (not the gates) case-sensitively: "TX" is a state code, "tx" is not. */
  caseSensitive: z.boolean().default(false),
});

export const phrase = defineKind({
  name: 'phrase',
  params: Params,
  run(_rule, p, { text, doc }) {
    if (p.unlessDocument && anyMatch(p.unlessDocument, text)) return [];
    if (p.requiresDocument && !anyMatch(p.requiresDocument, text)) return [];

    const patterns = p.patterns.filter((source) => mayMatch(source, text, p.caseSensitive));
    if (patterns.length === 0) return [];

    const hits: Hit[] = [];
    for (const s of doc.sentences) {
      // Patterns before gates: most sentences match no pattern, and gates scan a whole window.
      if (!patterns.some((source) => compile(source, false, p.caseSensitive).test(s.text)))
        continue;
      const around = windowText(doc, s, p.window);
      if (p.requires && !anyMatch(p.requires, around)) continue;
      if (p.unless && anyMatch(p.unless, around)) continue;

      if (p.span === 'union') {
        const found = unionOfAllowed(patterns, s.text, p.unlessBefore, p.caseSensitive);
        if (found) hits.push(tidy(text, s.start + found.start, s.start + found.end));
        continue;
      }
      for (const source of patterns) {
        const found = firstAllowed(source, s.text, p.unlessBefore, p.caseSensitive);
        if (!found) continue;
        const span =
          p.span === 'sentence'
            ? tidy(text, s.start, s.end)
            : tidy(text, s.start + found.start, s.start + found.end);
        hits.push(span);
        if (p.oncePerSentence) break;
      }
    }
    return hits;
  },
});

/**
 * One scan of the whole draft rules a pattern out before it is tried on every sentence. It is
 * only a necessary condition, so patterns that anchor on the sentence's own start or end (^, $)
 * are always kept.
 */
function mayMatch(source: string, text: string, caseSensitive: boolean): boolean {
  if (ANCHORED.test(source.replace(CHAR_CLASS, ''))) return true;
  return compile(source, false, caseSensitive).test(text);
}

const CHAR_CLASS = /\[(?:\\.|[^\]\\])*\]/g;
const ANCHORED = /(?<!\\)[$^]/;

function firstAllowed(
  source: string,
  sentence: string,
  unlessBefore?: string[],
  caseSensitive = false,
) {
  for (const m of matchAll(source, sentence, caseSensitive)) {
    if (unlessBefore && anyMatch(unlessBefore, sentence.slice(0, m.start))) continue;
    return m;
  }
  return undefined;
}

function unionOfAllowed(
  sources: string[],
  sentence: string,
  unlessBefore?: string[],
  caseSensitive = false,
) {
  let span: { start: number; end: number } | undefined;
  for (const source of sources) {
    for (const m of matchAll(source, sentence, caseSensitive)) {
      if (unlessBefore && anyMatch(unlessBefore, sentence.slice(0, m.start))) continue;
      span = span ? { start: Math.min(span.start, m.start), end: Math.max(span.end, m.end) } : m;
    }
  }
  return span;
}
