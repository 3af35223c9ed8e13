// Context escalation, points and the roll-up to a grade: RISK-GUIDE §4.2–4.4.
import type { ContextFlag, Finding, Grade, ReviewContext, Severity } from './types';
import { SEVERITIES } from './types';

export const POINTS: Record<Severity, number> = {
  info: 0,
  low: 1,
  medium: 3,
  high: 8,
  critical: 20,
};

const PUB = ['self-praise', 'leader-glorification', 'marketing-hype'];

/** §4.3: which categories each context flag raises by one level. */
export const ESCALATORS: Partial<Record<ContextFlag, string[]>> = {
  crisis: [
    'absolute-assurance',
    'speculation',
    'blame-shifting',
    'minimising',
    'flippancy',
    ...PUB,
    'premature-closure',
    'unkeepable-promise',
    'evasive-language',
  ],
  casualties: ['flippancy', ...PUB, 'minimising', 'stigmatising-language', 'unsourced-figure'],
  minors: ['legal-exposure', 'stigmatising-language', 'blame-shifting'],
  investigation: ['legal-exposure', 'speculation', 'premature-closure'],
  vulnerable: ['stigmatising-language', 'blame-shifting', 'legal-exposure'],
  'first-statement': ['premature-closure', 'absolute-assurance'],
  'high-attention': ['stonewalling', 'premature-closure', 'minimising'],
  'org-responsible': ['blame-shifting', 'minimising', 'legal-exposure', 'evasive-language'],
  'gov-issuer': PUB,
};

export function raise(severity: Severity, levels: number): Severity {
  const i = SEVERITIES.indexOf(severity);
  if (severity === 'info') return severity;
  return SEVERITIES[Math.max(1, Math.min(SEVERITIES.length - 1, i + levels))];
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

/** Flags stack, one level each, capped at critical (DESIGN.md). */
export function escalate(
  severity: Severity,
  family: Finding['family'],
  category: string,
  context: ReviewContext,
): Severity {
  let levels = 0;
  for (const flag of context.flags) {
    if (ESCALATORS[flag]?.includes(category)) levels++;
    if (
      flag === 'first-statement' &&
      family === 'missing-element' &&
      context.type !== 'crisis-initial'
    )
      levels++;
  }
  return raise(severity, levels);
}

export function gradeOf(findings: Finding[]): { grade: Grade; points: number } {
  const live = findings.filter((f) => !f.dismissed);
  const points = live.reduce((n, f) => n + f.points, 0);
  const top = live.reduce<Severity>((m, f) => maxSeverity(m, f.severity), 'info');

  if (top === 'critical' || points >= 40) return { grade: 'critical', points };
  if (top === 'high' || points >= 16) return { grade: 'high', points };
  if (top === 'medium' || points >= 5) return { grade: 'medium', points };
  return { grade: 'low', points };
}

/** The rule ids of the three findings with the most points (ties: earliest in the text). */
export function driversOf(findings: Finding[]): string[] {
  return findings
    .filter((f) => !f.dismissed && f.points > 0)
    .slice()
    .sort((a, b) => b.points - a.points || a.start - b.start)
    .slice(0, 3)
    .map((f) => f.rule);
}
