// Dismissals: a user's decision that a finding does not apply to this draft, with a reason.
// A dismissed finding stays in the report (reviewers see it and the reason) but no longer
// counts toward the grade. Dismissals are keyed by rule and excerpt, not offsets, so they
// survive edits elsewhere in the draft.
import { z } from 'zod';

import { driversOf, gradeOf } from './engine/severity';
import type { Finding, Report } from './engine/types';

export const DismissalSchema = z.object({
  rule: z.string().min(1),
  excerpt: z.string(),
  /** Which finding of this rule with this excerpt (0 = first), when the same words recur. */
  occurrence: z.number().int().min(0).default(0),
  reason: z.string().trim().min(1, 'a dismissal needs a reason'),
  by: z.string().trim().min(1, 'a dismissal names who made it'),
  at: z.string().min(1),
});
export type DismissalItem = z.infer<typeof DismissalSchema>;

export const DismissalRecordSchema = z.object({
  lectern: z.literal('dismissals'),
  version: z.literal(1),
  items: z.array(DismissalSchema),
});
export type DismissalRecord = z.infer<typeof DismissalRecordSchema>;

/** Accepts a dismissals file or any exported record that carries a `dismissals` list. */
export function parseDismissals(json: unknown): DismissalItem[] {
  const asRecord = DismissalRecordSchema.safeParse(json);
  if (asRecord.success) return asRecord.data.items;

  const embedded = z.object({ dismissals: z.array(DismissalSchema) }).safeParse(json);
  if (embedded.success) return embedded.data.dismissals;

  const issue = asRecord.error.issues[0];
  throw new Error(
    `not a Lectern dismissals record (${issue.path.join('.') || 'root'}: ${issue.message})`,
  );
}

export function dismissalFor(
  finding: Finding,
  report: Report,
  reason: string,
  by: string,
): DismissalItem {
  return {
    rule: finding.rule,
    excerpt: finding.excerpt,
    occurrence: sameKey(report.findings, finding).indexOf(finding),
    reason,
    by,
    at: new Date().toISOString(),
  };
}

/** Marks the findings these dismissals name; marks from earlier dismissals are cleared first. */
export function applyDismissals(report: Report, items: readonly DismissalItem[]): Report {
  const findings = report.findings.map((f) => {
    const { dismissed: _old, ...rest } = f;
    return rest as Finding;
  });
  for (const d of items) {
    const target = findings.filter((f) => f.rule === d.rule && f.excerpt === d.excerpt)[
      d.occurrence
    ];
    if (target) target.dismissed = { reason: d.reason, by: d.by, at: d.at };
  }
  const { grade, points } = gradeOf(findings);
  return { ...report, findings, grade, points, drivers: driversOf(findings) };
}

function sameKey(findings: Finding[], f: Finding): Finding[] {
  return findings.filter((x) => x.rule === f.rule && x.excerpt === f.excerpt);
}
