// Words for the panel. Grades and severities always appear as words; colour only repeats them.
import type { ContextFlag, Family, Grade, ReleaseType, Severity } from '@/lib/engine/types';

export const FAMILY_NAMES: Record<Family, string> = {
  'risky-phrasing': 'Risky phrasing',
  'over-publicity': 'Over-publicity',
  inconsistency: 'Inconsistencies',
  'missing-element': 'Missing elements',
  style: 'Style',
};

export const GRADE_NAMES: Record<Grade, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const SEVERITY_NAMES: Record<Severity, string> = {
  info: 'Info',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const TYPE_NAMES: Record<ReleaseType, string> = {
  routine: 'Routine release',
  'crisis-initial': 'Crisis: first statement',
  'crisis-update': 'Crisis: update',
  correction: 'Correction',
  statement: 'Statement',
};

export const FLAG_NAMES: Record<ContextFlag, string> = {
  crisis: 'Crisis',
  casualties: 'Deaths or injuries',
  minors: 'Children or minors',
  investigation: 'Under investigation',
  vulnerable: 'Vulnerable people',
  'prior-releases': 'Earlier releases exist',
  'first-statement': 'First statement',
  'high-attention': 'High public attention',
  'org-responsible': 'We may be responsible',
  'gov-issuer': 'Government issuer',
};

/** "absolute-assurance" → "absolute assurance" */
export function categoryName(category: string): string {
  return category.replace(/-/g, ' ');
}
