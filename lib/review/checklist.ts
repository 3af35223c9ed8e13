// A level's checklist against the current report, and what still stands between a reviewer and
// an approval. Items linked to categories are settled by the report: clear when no live finding
// of theirs remains, otherwise each such finding must be dismissed (in the findings list) or
// overridden here with a reason. Items without categories are attested by the reviewer.
import type { Finding, Report, Severity } from '../engine/types';
import { itemState, type ItemState, type Level } from './levels';

/** A finding as a sign-off refers to it: by rule and words, which survive edits elsewhere. */
export interface FindingRef {
  rule: string;
  excerpt: string;
  category: string;
  severity: Severity;
  message: string;
}

export interface ItemView {
  id: string;
  text: string;
  state: ItemState;
  /** the live findings that keep an automatic item open */
  findings: FindingRef[];
  /** how the level's standing approval settled it: its findings overridden, or confirmed */
  signed?: 'overridden' | 'confirmed';
}

export interface OverrideInput {
  rule: string;
  excerpt: string;
  reason: string;
}

/** The checklist as an approval left it: items it confirmed, findings it overrode. */
export function signedChecklist(
  items: ItemView[],
  approval: { attested?: string[]; overrides: Array<{ rule: string; excerpt: string }> },
): ItemView[] {
  return items.map((item) => {
    if (item.state === 'attest' && approval.attested?.includes(item.id)) {
      return { ...item, signed: 'confirmed' };
    }
    const overridden =
      item.state === 'open' &&
      item.findings.every((f) => approval.overrides.some((o) => sameFinding(o, f)));
    return overridden ? { ...item, signed: 'overridden' } : item;
  });
}

export function checklistOf(level: Level, report: Report): ItemView[] {
  return level.items.map((item) => ({
    id: item.id,
    text: item.text,
    state: itemState(item, report),
    findings: live(report)
      .filter((f) => item.categories.includes(f.category) || item.categories.includes(f.family))
      .map(refOf),
  }));
}

/**
 * The findings this level must override to approve: those keeping its items open, and at a
 * critical grade, for a level that must acknowledge them, every critical finding.
 */
export function findingsToSettle(level: Level, report: Report): FindingRef[] {
  const fromItems = checklistOf(level, report).flatMap((i) => i.findings);
  const critical =
    level.acknowledgeCritical && report.grade === 'critical'
      ? live(report)
          .filter((f) => f.severity === 'critical')
          .map(refOf)
      : [];
  return unique([...fromItems, ...critical]);
}

/** Sentences naming what still blocks an approval; empty when the level may approve. */
export function approvalBlockers(
  level: Level,
  report: Report,
  attested: readonly string[],
  overrides: readonly OverrideInput[],
): string[] {
  const unattested = level.items
    .filter((i) => i.categories.length === 0 && !attested.includes(i.id))
    .map((i) => `Confirm “${i.text}”`);
  const unsettled = findingsToSettle(level, report)
    .filter((f) => !overrides.some((o) => sameFinding(o, f) && o.reason.trim()))
    .map((f) => `Override “${f.excerpt || f.category}” (${f.rule}) with a reason, or dismiss it`);
  return [...unattested, ...unsettled];
}

/** Overrides must name findings the report still has; a stale override would mislead. */
export function unknownOverrides(
  report: Report,
  overrides: readonly OverrideInput[],
): OverrideInput[] {
  return overrides.filter((o) => !report.findings.some((f) => sameFinding(o, f)));
}

export function sameFinding(
  a: { rule: string; excerpt: string },
  b: { rule: string; excerpt: string },
) {
  return a.rule === b.rule && a.excerpt === b.excerpt;
}

function live(report: Report): Finding[] {
  return report.findings.filter((f) => !f.dismissed);
}

function refOf(f: Finding): FindingRef {
  return {
    rule: f.rule,
    excerpt: f.excerpt,
    category: f.category,
    severity: f.severity,
    message: f.message,
  };
}

function unique(refs: FindingRef[]): FindingRef[] {
  return refs.filter((r, i) => refs.findIndex((x) => sameFinding(x, r)) === i);
}
