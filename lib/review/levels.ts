// Review levels and their checklists (RISK-GUIDE §3.3–3.4, DESIGN.md "Review and history").
// Levels are data: an organisation renames, reorders, adds or removes them in the options
// page. Items linked to rule categories are ticked or left open from the current report; the
// others are attested by a person.
import { z } from 'zod';

import type { Grade, Report, ReviewContext } from '../engine/types';

export const ChecklistItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  text: z.string().trim().min(1),
  /** Finding categories (or missing elements) that decide this item automatically. */
  categories: z.array(z.string()).default([]),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const LevelSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]+$/),
  name: z.string().trim().min(1),
  role: z.string().trim().min(1),
  /** Levels that must be approved before this one can be signed. */
  after: z.array(z.string()).default([]),
  /** The lowest grade at which this level is required (RISK-GUIDE §4.5). */
  requiredFrom: z.enum(['low', 'medium', 'high', 'critical']),
  /** Also required for government issuers whatever the grade (§4.5: L2 for government). */
  requiredForGov: z.boolean().default(false),
  /** At a critical grade, this level must acknowledge each critical finding itself (§4.5). */
  acknowledgeCritical: z.boolean().default(false),
  items: z.array(ChecklistItemSchema),
});
export type Level = z.infer<typeof LevelSchema>;

export const LevelsFileSchema = z
  .object({
    lectern: z.literal('levels'),
    version: z.literal(1),
    levels: z.array(LevelSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const ids = file.levels.map((l) => l.id);
    file.levels.forEach((l, i) => {
      if (ids.indexOf(l.id) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'id'],
          message: `duplicate level id "${l.id}"`,
        });
      const itemIds = l.items.map((i) => i.id);
      itemIds.forEach((id, j) => {
        if (itemIds.indexOf(id) !== j)
          ctx.addIssue({
            code: 'custom',
            path: ['levels', i, 'items', j, 'id'],
            message: `duplicate item id "${id}" in ${l.id}`,
          });
      });
      for (const dep of l.after) {
        if (!ids.slice(0, i).includes(dep)) {
          ctx.addIssue({
            code: 'custom',
            path: ['levels', i, 'after'],
            message: `"${dep}" must be a level listed before "${l.id}"`,
          });
        }
      }
    });
  });
export type LevelsFile = z.infer<typeof LevelsFileSchema>;

const item = (id: string, text: string, categories: string[] = []): ChecklistItem => ({
  id,
  text,
  categories,
});

export const DEFAULT_LEVELS: Level[] = [
  {
    id: 'L1',
    name: 'Drafter self-check',
    role: 'Press or public information officer',
    after: [],
    requiredFrom: 'low',
    requiredForGov: false,
    acknowledgeCritical: false,
    items: [
      item('context-set', 'Release type and context flags are set correctly.'),
      item(
        'structure',
        'Release line, contact, headline, dateline, end mark, and date and time of issue are present.',
        ['date-time', 'issuer-contact', 'headline-dateline', 'end-mark', 'more-information'],
      ),
      item('lead', 'The lead says who, what, where and when; protective actions come early.', [
        'known-facts',
        'public-guidance',
      ]),
      item('figures', 'Every figure has a source and an as-of time.', ['unsourced-figure']),
      item('unknowns', 'Says what is not yet known and what is being done to find out.', [
        'unknowns',
        'actions-under-way',
      ]),
      item('empathy', 'Empathy comes before organisational detail and is specific.', ['empathy']),
      item('next-update', 'Gives the time of the next update and where it will appear.', [
        'next-update',
      ]),
      item('absolutes', 'No absolutes, guarantees or "don\'t worry" lines.', [
        'absolute-assurance',
      ]),
      item(
        'speculation',
        'No cause, motive or blame beyond what the investigating authority has stated.',
        ['speculation', 'blame-shifting'],
      ),
      item('plain', 'Plain language: named actors on harm verbs, no euphemisms.', [
        'evasive-language',
      ]),
      item('tone', 'No humour, emoji or "miracle" framing in a crisis.', ['flippancy']),
      item('publicity', 'Leaders and self-praise: only what the public needs.', [
        'self-praise',
        'leader-glorification',
        'marketing-hype',
      ]),
      item('style', 'AP style: dates, times, numbers, titles.', ['ap-style']),
    ],
  },
  {
    id: 'L1b',
    name: 'Fact-owner verification',
    role: 'Incident lead or investigating officer',
    after: ['L1'],
    requiredFrom: 'high',
    requiredForGov: false,
    acknowledgeCritical: false,
    items: [
      item(
        'records',
        'Each factual claim is checked against primary records, with its as-of time.',
        ['unsourced-figure'],
      ),
      item(
        'identities',
        'Names, ages and titles are verified; next of kin told before casualties are named.',
      ),
      item('cause-status', "Cause and status language matches the investigation's actual status.", [
        'speculation',
        'premature-closure',
      ]),
      item('changes', 'Differences from the previous release are identified and explained.', [
        'inconsistency',
      ]),
      item(
        'estimates',
        'Promised times are estimates the operation can defend, stated as estimates.',
        ['unkeepable-promise'],
      ),
    ],
  },
  {
    id: 'L2',
    name: 'Communications review',
    role: 'Head of communications',
    after: ['L1'],
    requiredFrom: 'medium',
    requiredForGov: true,
    acknowledgeCritical: false,
    items: [
      item('consistency', 'All changes against earlier releases are intentional and labelled.', [
        'inconsistency',
      ]),
      item('respect', 'Respectful tone: no minimising, no belittling of concerns or critics.', [
        'minimising',
      ]),
      item('no-blame', 'No blame on victims or unnamed others.', ['blame-shifting']),
      item('person-first', 'Person-first, non-stigmatising terms.', ['stigmatising-language']),
      item('publicity', 'Affected people and guidance come before leaders and the organisation.', [
        'self-praise',
        'leader-glorification',
        'marketing-hype',
      ]),
      item(
        'no-stonewall',
        'No "no comment"; withheld information has a reason and a next update.',
        ['stonewalling'],
      ),
      item('questions', 'The release answers the obvious next question or says when it will.'),
    ],
  },
  {
    id: 'L3',
    name: 'Legal and policy review',
    role: 'Counsel or policy lead',
    after: ['L1'],
    requiredFrom: 'high',
    requiredForGov: false,
    acknowledgeCritical: false,
    items: [
      item('liability', 'Sympathy kept; admissions of fault only if deliberately decided.', [
        'legal-exposure',
      ]),
      item(
        'identities',
        'No identifying details of uncharged suspects, minors or victims without consent.',
        ['legal-exposure'],
      ),
      item('innocence', 'No presumption of guilt; no confessions, records or evidence details.', [
        'legal-exposure',
      ]),
      item('commitments', 'Commitments are lawful, funded and authorised.', ['unkeepable-promise']),
      item('propriety', 'Government issuer: objective and explanatory, not self-promoting.', [
        'self-praise',
        'leader-glorification',
        'marketing-hype',
      ]),
    ],
  },
  {
    id: 'L4',
    name: 'Leadership sign-off',
    role: 'Incident commander or agency head',
    after: ['L1b', 'L2', 'L3'],
    requiredFrom: 'high',
    requiredForGov: false,
    acknowledgeCritical: true,
    items: [
      item('grade', 'I accept the grade and the overrides recorded by earlier levels.'),
      item('stance', 'Our stance on responsibility is one I will defend publicly.', [
        'blame-shifting',
      ]),
      item('commitments', 'Every commitment can be kept or is labelled as an estimate.', [
        'unkeepable-promise',
      ]),
      item(
        'closure',
        'Nothing closes the matter or denies an allegation before the facts support it.',
        ['premature-closure'],
      ),
      item('centre', 'The release centres affected people and public action, not leaders.', [
        'self-praise',
        'leader-glorification',
      ]),
      item('changes', 'If this contradicts what we said before, it says so plainly.', [
        'inconsistency',
      ]),
    ],
  },
];

const GRADE_ORDER: Grade[] = ['low', 'medium', 'high', 'critical'];

/** The levels this draft needs at its grade (§4.5); dependencies of a required level are required. */
export function requiredLevels(
  levels: Level[],
  grade: Grade,
  context: Pick<ReviewContext, 'flags'>,
): string[] {
  const need = new Set(
    levels
      .filter(
        (l) =>
          GRADE_ORDER.indexOf(grade) >= GRADE_ORDER.indexOf(l.requiredFrom) ||
          (l.requiredForGov && context.flags.includes('gov-issuer')),
      )
      .map((l) => l.id),
  );
  for (const l of [...levels].reverse()) if (need.has(l.id)) l.after.forEach((d) => need.add(d));
  return levels.filter((l) => need.has(l.id)).map((l) => l.id);
}

export type ItemState = 'clear' | 'open' | 'attest';

/** clear: no live finding of its categories; open: some remain; attest: a person must confirm. */
export function itemState(item: ChecklistItem, report: Report): ItemState {
  if (item.categories.length === 0) return 'attest';
  const live = report.findings.some(
    (f) =>
      !f.dismissed && (item.categories.includes(f.category) || item.categories.includes(f.family)),
  );
  return live ? 'open' : 'clear';
}
