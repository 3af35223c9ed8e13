// A compromise match pattern, for what a word list cannot see: the part of speech of a word,
// a passive verb with no agent, who the subject of a praise word is. The tagger is the costly
// part of a review, so a cheap `trigger` expression picks the sentences worth parsing.
import { z } from 'zod';

import { anyMatch, compile, tidy, windowText } from './patterns';
import { defineKind, type Hit } from './kind';

const Params = z.object({
  trigger: z.string().min(1),
  match: z.string().min(1),
  unless: z.array(z.string().min(1)).optional(),
  requires: z.array(z.string().min(1)).optional(),
  window: z.number().int().min(0).max(3).default(0),
  span: z.enum(['match', 'sentence']).default('match'),
  /** The sentence text before / after a match matching one of these skips that match (a
   * passive followed by its "by" agent is not agentless). */
  unlessBefore: z.array(z.string().min(1)).optional(),
  unlessAfter: z.array(z.string().min(1)).optional(),
  /** At most one finding per sentence (the first allowed match). */
  oncePerSentence: z.boolean().default(true),
});

interface MatchJson {
  offset?: { start: number; length: number };
}

interface Parsed {
  match(pattern: string): { json(opts: object): MatchJson[] };
}

export const grammar = defineKind({
  name: 'grammar',
  params: Params,
  run(_rule, p, { text, doc, parse }) {
    const hits: Hit[] = [];
    for (const s of doc.sentences) {
      if (!compile(p.trigger).test(s.text)) continue;

      const around = windowText(doc, s, p.window);
      if (p.requires && !anyMatch(p.requires, around)) continue;
      if (p.unless && anyMatch(p.unless, around)) continue;

      const matches = (parse(s) as Parsed).match(p.match).json({ offset: true });
      for (const found of allowed(matches, s.text, p.unlessBefore, p.unlessAfter)) {
        hits.push(
          p.span === 'sentence'
            ? tidy(text, s.start, s.end)
            : tidy(text, s.start + found.start, s.start + found.start + found.length),
        );
        if (p.oncePerSentence || p.span === 'sentence') break;
      }
    }
    return hits;
  },
});

function* allowed(matches: MatchJson[], sentence: string, before?: string[], after?: string[]) {
  for (const { offset } of matches) {
    if (!offset) continue;
    if (before && anyMatch(before, sentence.slice(0, offset.start))) continue;
    if (after && anyMatch(after, sentence.slice(offset.start + offset.length))) continue;
    yield offset;
  }
}
