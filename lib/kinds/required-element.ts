// An element a release of this type must contain (RISK-GUIDE §2.15). The finding points at no
// text (start === end); where the draft offers only a vague stand-in ("in due course"), the
// finding points at that stand-in instead, so the writer sees what to replace.
import { z } from 'zod';

import { RELEASE_TYPES, SEVERITIES } from '../engine/types';
import { anyMatch, matchAll, tidy } from './patterns';
import { defineKind } from './kind';

const Params = z.object({
  /** Any of these, found in the searched region, means the element is present. */
  present: z.array(z.string().min(1)).min(1),
  /** Every one of these groups must also be found (e.g. an issuer AND a phone or email). */
  alsoRequired: z.array(z.array(z.string().min(1)).min(1)).default([]),
  /** Where to look: the whole draft, or only its first `headChars` characters. */
  region: z.enum(['all', 'head', 'tail']).default('all'),
  headChars: z.number().int().positive().default(400),
  /** Phrases that stand in for the element without providing it. */
  vague: z.array(z.string().min(1)).default([]),
  /** Severity per release type; types not listed use the rule's own severity. */
  severityByType: z.partialRecord(z.enum(RELEASE_TYPES), z.enum(SEVERITIES)).default({}),
});

export const requiredElement = defineKind({
  name: 'required-element',
  params: Params,
  run(_rule, p, { text, context }) {
    const region =
      p.region === 'head'
        ? text.slice(0, p.headChars)
        : p.region === 'tail'
          ? text.slice(-p.headChars)
          : text;
    const present = anyMatch(p.present, region) && p.alsoRequired.every((g) => anyMatch(g, region));
    if (present) return [];

    const severity = p.severityByType[context.type];
    for (const source of p.vague) {
      for (const m of matchAll(source, text)) {
        return [{ ...tidy(text, m.start, m.end), severity }];
      }
    }
    const at = p.region === 'tail' ? text.trimEnd().length : 0;
    return [{ start: at, end: at, severity }];
  },
});
