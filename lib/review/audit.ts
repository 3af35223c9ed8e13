// The audit trail: one read-only timeline of a draft's review (versions and their grades,
// sign-offs, returns, overrides, dismissals, imported records), as data for the panel and as
// Markdown for a file or a print-out. UK police practice asks that who decided what, and why,
// be written down (RISK-GUIDE §3.1); this is that record.
import type { DismissalItem } from '../dismissals';
import type { Grade } from '../engine/types';
import type { Level } from './levels';
import type { SignOff } from './signoff';
import type { Trust } from './trust';

export interface AuditVersion {
  at: number;
  reason: 'typing' | 'sign-off' | 'manual' | 'import';
  words: number;
  grade?: Grade;
}

export interface AuditImport {
  at: number;
  signOffs: number;
  exportedAt: string;
}

export interface AuditInput {
  versions: AuditVersion[];
  signOffs: Array<SignOff & { trust?: Trust }>;
  levels: Level[];
  dismissals: DismissalItem[];
  imports: AuditImport[];
}

export type AuditKind =
  'version' | 'grade' | 'approve' | 'return' | 'override' | 'dismissal' | 'import';

export interface AuditEvent {
  at: number;
  kind: AuditKind;
  title: string;
  details: string[];
}

const VERSION_TITLES: Record<AuditVersion['reason'], string> = {
  typing: 'Version saved while typing',
  manual: 'Version saved by hand',
  'sign-off': 'Version signed',
  import: 'Version matched an imported record',
};

const TRUST_WORDS: Record<Trust, string> = {
  own: 'signature valid, this browser’s key',
  trusted: 'signature valid, key on the organisation’s list',
  unverified: 'signature valid, key not on the organisation’s list (unverified)',
  invalid: 'signature does not match: altered after signing',
};

export function auditEvents(input: AuditInput): AuditEvent[] {
  const events = [
    ...versionEvents(input.versions),
    ...input.signOffs.flatMap((s) => signOffEvents(s, input.levels)),
    ...input.dismissals.map(dismissalEvent),
    ...input.imports.map(importEvent),
  ];
  // Stable: a sign-off's overrides stay right after it.
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map((x) => x.e);
}

export function auditMarkdown(
  title: string,
  events: AuditEvent[],
  exportedAt = new Date(),
): string {
  const lines = [
    `# Review audit trail: ${escape(title || 'untitled draft')}`,
    '',
    `Exported ${exportedAt.toISOString()} by Lectern. ${events.length} events, oldest first.`,
    '',
  ];
  for (const e of events) {
    lines.push(`- **${new Date(e.at).toISOString()}** · ${e.kind} · ${escape(e.title)}`);
    for (const d of e.details) lines.push(`  - ${escape(d)}`);
  }
  return `${lines.join('\n')}\n`;
}

function versionEvents(versions: AuditVersion[]): AuditEvent[] {
  const out: AuditEvent[] = [];
  let grade: Grade | undefined;
  for (const v of versions) {
    out.push({
      at: v.at,
      kind: 'version',
      title: VERSION_TITLES[v.reason],
      details: [`${v.words} words${v.grade ? `, grade ${v.grade}` : ''}`],
    });
    if (v.grade && grade && v.grade !== grade) {
      out.push({
        at: v.at,
        kind: 'grade',
        title: `Grade changed from ${grade} to ${v.grade}`,
        details: [],
      });
    }
    grade = v.grade ?? grade;
  }
  return out;
}

function signOffEvents(s: SignOff & { trust?: Trust }, levels: Level[]): AuditEvent[] {
  const level = levels.find((l) => l.id === s.level);
  const at = Date.parse(s.at);
  const who = `${s.reviewer.name} (${s.reviewer.role})`;
  const head: AuditEvent = {
    at,
    kind: s.decision,
    title: `${s.level}${level ? ` ${level.name}` : ''} ${s.decision === 'approve' ? 'approved' : 'returned'} by ${who}`,
    details: [
      ...(s.comment ? [`Comment: ${oneLine(s.comment)}`] : []),
      ...(s.grade ? [`Grade at signing: ${s.grade}`] : []),
      ...(s.attested?.length ? [`Confirmed: ${itemTexts(level, s.attested)}`] : []),
      `Text SHA-256 ${s.textHash}`,
      `Key ${s.fingerprint}${s.trust ? `: ${TRUST_WORDS[s.trust]}` : ''}`,
    ],
  };
  const overrides = s.overrides.map((o) => ({
    at,
    kind: 'override' as const,
    title: `${s.level} overrode ${o.rule}${o.excerpt ? ` on “${o.excerpt}”` : ''}`,
    details: [`Reason: ${oneLine(o.reason)}`, `By ${who}`],
  }));
  return [head, ...overrides];
}

function itemTexts(level: Level | undefined, ids: string[]): string {
  return ids.map((id) => `“${level?.items.find((i) => i.id === id)?.text ?? id}”`).join(', ');
}

function dismissalEvent(d: DismissalItem): AuditEvent {
  return {
    at: Date.parse(d.at),
    kind: 'dismissal',
    title: `Finding ${d.rule}${d.excerpt ? ` on “${d.excerpt}”` : ''} dismissed by ${d.by}`,
    details: [`Reason: ${oneLine(d.reason)}`],
  };
}

function importEvent(i: AuditImport): AuditEvent {
  return {
    at: i.at,
    kind: 'import',
    title: `Review record imported (${i.signOffs} sign-off${i.signOffs === 1 ? '' : 's'})`,
    details: [`Record exported ${i.exportedAt}`],
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** User text must not turn into Markdown structure (links, emphasis, headings, HTML). */
function escape(text: string): string {
  return oneLine(text).replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
