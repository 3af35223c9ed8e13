// The report contract shared by the CLI (--format json), the side panel, storage and the
// labelled cases. See DESIGN.md "Report contract". Plain data only: reports cross
// messaging and IndexedDB unchanged.

export const FAMILIES = [
  'risky-phrasing',
  'over-publicity',
  'inconsistency',
  'missing-element',
  'style',
] as const;
export type Family = (typeof FAMILIES)[number];

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const GRADES = ['low', 'medium', 'high', 'critical'] as const;
export type Grade = (typeof GRADES)[number];

export const RELEASE_TYPES = [
  'routine',
  'crisis-initial',
  'crisis-update',
  'correction',
  'statement',
] as const;
export type ReleaseType = (typeof RELEASE_TYPES)[number];

export const CONTEXT_FLAGS = [
  'crisis',
  'casualties',
  'minors',
  'investigation',
  'vulnerable',
  'prior-releases',
  'first-statement',
  'high-attention',
  'org-responsible',
  'gov-issuer',
] as const;
export type ContextFlag = (typeof CONTEXT_FLAGS)[number];

export interface ReviewContext {
  type: ReleaseType;
  flags: ContextFlag[];
}

/** What the user gave; either part may be missing and is then inferred. */
export interface ContextInput {
  type?: ReleaseType;
  flags?: ContextFlag[];
}

export interface ReportContext extends ReviewContext {
  inferred: boolean;
  /** Short human reasons for an inferred type/flags, e.g. "mentions a fire and injuries". */
  reasons?: string[];
}

export interface Dismissal {
  reason: string;
  by: string;
  at: string;
}

export interface Related {
  source: string | null;
  excerpt: string;
  start: number;
  end: number;
  date?: string;
}

export interface Finding {
  rule: string;
  family: Family;
  category: string;
  severity: Severity;
  start: number;
  end: number;
  excerpt: string;
  message: string;
  why: string;
  guideline: string;
  suggestion: string;
  points: number;
  dismissed?: Dismissal;
  related?: Related;
}

export interface Problem {
  rule: string;
  file: string;
  message: string;
}

export interface Report {
  file?: string;
  grade: Grade;
  points: number;
  context: ReportContext;
  drivers: string[];
  findings: Finding[];
  problems: Problem[];
  stats: { words: number; sentences: number; ms: number };
}

/** A prior release on the same matter, for the consistency check. */
export interface PriorRelease {
  source: string;
  date?: string;
  text: string;
  /** The matter (incident) it belongs to; releases without one form one matter. */
  matter?: string;
}
