// Over-publicity measured rather than matched: how much of the draft is about the issuer and
// its leaders, and whether that comes before the people affected and what the public should
// do. The Harbin notice (RISK-GUIDE §2.10) spent about 45 % of its text on leaders.
import { z } from 'zod';

import { anyMatch, tidy } from './patterns';
import { defineKind, type Hit } from './kind';

const Params = z.object({
  /** A sentence is "about the issuer" when it matches one of these. */
  subject: z.array(z.string().min(1)).min(1),
  /** Sentences about the affected people and public guidance. */
  affected: z.array(z.string().min(1)).min(1),
  /** Flag when issuer sentences take at least this share of the body's characters. */
  threshold: z.number().min(0).max(1),
  /** Also flag when issuer sentences come before the first affected sentence… */
  order: z.boolean().default(true),
  /** …at least this many of them: one thank-you line before the facts is not a pattern. */
  minBefore: z.number().int().min(1).default(2),
  /** Ignore documents with fewer body sentences than this. */
  minSentences: z.number().int().min(1).default(4),
});

export const share = defineKind({
  name: 'share',
  params: Params,
  run(_rule, p, { text, doc }) {
    const body = doc.sentences.filter((s) => /[.!?。！？]$/.test(s.text));
    if (body.length < p.minSentences) return [];

    const about = body.filter((s) => anyMatch(p.subject, s.text));
    if (about.length === 0) return [];

    const total = body.reduce((n, s) => n + s.text.length, 0);
    const issuer = about.reduce((n, s) => n + s.text.length, 0);
    // A sentence that praises while it mentions the victims ("responded swiftly to reports of
    // illness") is about the issuer: it does not put the people affected first.
    const firstAffected = body.find((s) => anyMatch(p.affected, s.text) && !about.includes(s));
    const first = about[0];
    const before = about.filter((s) => !firstAffected || s.index < firstAffected.index).length;
    const tooMuch = issuer / total >= p.threshold;
    const tooEarly = p.order && before >= p.minBefore;
    if (!tooMuch && !tooEarly) return [];

    const pct = Math.round((issuer / total) * 100);
    const hit: Hit = {
      ...tidy(text, first.start, first.end),
      message: `Sentences about the issuer and its leaders take ${pct} % of the text${
        tooEarly ? ' and come before the people affected' : ''
      }.`,
    };
    return [hit];
  },
});
