// "What changed since the last release": every fact of the draft set against the same fact in
// the matter's latest earlier release, so a spokesperson can write the update line on purpose.
// Unlike the consistency check this judges nothing: a rise with update wording and a silent
// drop are both listed, each with the words on both sides. Built on the fact ledger's public
// API (extractFacts, selectMatters) and the archive index the background already keeps.
import { extractFacts, selectMatters, type ArchiveIndex, type Fact } from './facts';

/** The ledger's open upper bound (lib/facts/types.ts UNBOUNDED, exported there as a type only). */
const UNBOUNDED = 1e15;

export type ChangeStatus = 'changed' | 'new' | 'dropped' | 'same';

export interface FactSide {
  /** the value as a person would check it: "2", "3:52 a.m.", "Carla Nyberg, 54" */
  value: string;
  excerpt: string;
  /** the draft says the value moved on, or corrects it */
  framing?: 'updated' | 'corrected';
}

export interface FactChange {
  key: string;
  label: string;
  status: ChangeStatus;
  before: FactSide[];
  after: FactSide[];
  /** for a fact the latest release did not state: where the matter last stated it */
  earlier?: { source: string; date?: string; value: string; excerpt: string };
}

export interface FactChanges {
  /** the earlier release compared with; absent when the archive has none for this draft */
  since?: { source: string; date?: string; matter: string };
  changes: FactChange[];
}

type MatterIndex = ArchiveIndex['matters'][string];

export function factChanges(text: string, index: ArchiveIndex, matter?: string): FactChanges {
  const draft = extractFacts(text);
  const latest = latestRelease(index, selectMatters(index, text, matter), draft.issued);
  if (!latest) return { changes: [] };

  const prior = new Map<string, { fact: Fact; excerpt: string }[]>();
  for (const [key, list] of Object.entries(latest.matter.facts)) {
    const inRelease = list.filter((e) => e.release === latest.id && !e.fact.cited);
    if (inRelease.length) prior.set(key, inRelease);
  }
  const now = new Map<string, { fact: Fact; excerpt: string }[]>();
  for (const fact of draft.facts) {
    if (fact.cited) continue;
    const list = now.get(fact.key) ?? [];
    list.push({ fact, excerpt: text.slice(fact.start, fact.end) });
    now.set(fact.key, list);
  }

  const keys = [...new Set([...now.keys(), ...prior.keys()])];
  const changes = keys.map((key) => {
    const change = changeOf(key, prior.get(key) ?? [], now.get(key) ?? []);
    const earlier = change.status === 'new' ? lastStated(index, latest, key) : undefined;
    return earlier ? { ...change, earlier } : change;
  });
  const release = index.releases[latest.id];
  return {
    since: {
      source: release.source,
      matter: release.matter,
      ...(release.date ? { date: release.date } : {}),
    },
    changes: changes.sort((a, b) => ORDER[a.status] - ORDER[b.status]),
  };
}

const ORDER: Record<ChangeStatus, number> = { changed: 0, new: 1, dropped: 2, same: 3 };

/** The newest release of the matters that is older than the draft (when the draft is dated). */
function latestRelease(
  index: ArchiveIndex,
  matters: string[],
  draftIssued: number | undefined,
): { id: number; matter: MatterIndex } | undefined {
  let best: { id: number; matter: MatterIndex; issued: number } | undefined;
  for (const name of matters) {
    const m = index.matters[name];
    for (const id of m?.releases ?? []) {
      const issued = index.releases[id].issued ?? -1;
      // A release issued at the draft's own time is the draft itself, marked as released.
      if (draftIssued !== undefined && issued >= draftIssued) continue;
      if (!best || issued > best.issued || (issued === best.issued && id > best.id)) {
        best = { id, matter: m, issued };
      }
    }
  }
  return best;
}

/** The newest statement of a key in the matter's releases before the latest one. */
function lastStated(
  index: ArchiveIndex,
  latest: { id: number; matter: MatterIndex },
  key: string,
): FactChange['earlier'] {
  const issuedOf = (id: number) => index.releases[id].issued ?? -1;
  const before = (latest.matter.facts[key] ?? []).filter(
    (e) => !e.fact.cited && e.release !== latest.id && issuedOf(e.release) <= issuedOf(latest.id),
  );
  const last = before[before.length - 1];
  if (!last) return undefined;
  const r = index.releases[last.release];
  return {
    source: r.source,
    value: shown(last.fact),
    excerpt: last.excerpt,
    ...(r.date ? { date: r.date } : {}),
  };
}

function changeOf(
  key: string,
  before: { fact: Fact; excerpt: string }[],
  after: { fact: Fact; excerpt: string }[],
): FactChange {
  const side = (e: { fact: Fact; excerpt: string }): FactSide => ({
    value: shown(e.fact),
    excerpt: e.excerpt,
    ...(e.fact.corrected ? { framing: 'corrected' } : e.fact.updated ? { framing: 'updated' } : {}),
  });
  const values = (list: { fact: Fact }[]) => [...new Set(list.map((e) => compared(e.fact)))].sort();
  const status: ChangeStatus = !before.length
    ? 'new'
    : !after.length
      ? 'dropped'
      : values(before).join('\n') === values(after).join('\n')
        ? 'same'
        : 'changed';
  const fact = (after[0] ?? before[0]).fact;
  return {
    key,
    label: labelOf(fact),
    status,
    before: distinct(before).map(side),
    after: distinct(after).map(side),
  };
}

/** One entry per value: a figure repeated in the headline and the body is one fact. */
function distinct<T extends { fact: Fact }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((e) => !seen.has(compared(e.fact)) && !!seen.add(compared(e.fact)));
}

function labelOf(f: Fact): string {
  switch (f.kind) {
    case 'count':
      return `Number of ${words(f.noun)}: ${words(f.attr)}`;
    case 'quantity':
      return `Quantity (${f.measure})`;
    case 'time':
      return `Time of ${words(f.event)}`;
    case 'person':
      return `Person: ${f.name}`;
    case 'place':
      return f.role === 'last-seen' ? 'Place last seen' : 'Place of the incident';
    case 'cause':
      return `Cause of the ${f.subject}`;
    case 'claim':
      return `Claim: ${f.verb} ${f.object}`.trim();
    case 'commitment':
      return f.routine ? 'Next update' : 'Commitment';
  }
}

/** What two releases must agree on for the fact to count as unchanged. */
function compared(f: Fact): string {
  switch (f.kind) {
    case 'count':
    case 'quantity':
      return interval(f.value.lo, f.value.hi);
    case 'time':
      return `${f.at}@${f.day ?? ''}`;
    case 'person':
      return `${f.name}|${f.age ?? ''}|${[...f.titles].sort().join(',')}`;
    case 'place':
      return f.words.join(' ');
    case 'cause':
      return `${f.status}|${f.cause ?? ''}`;
    case 'claim':
      return `${f.positive}`;
    case 'commitment':
      return `${f.action}|${f.deadline}`;
  }
}

function shown(f: Fact): string {
  const asOf = f.asOf !== undefined ? ` (as of ${clock(f.asOf % 1440)})` : '';
  switch (f.kind) {
    case 'count':
      return `${interval(f.value.lo, f.value.hi)}${asOf}`;
    case 'quantity':
      return `${f.n} ${f.unit}${asOf}`;
    case 'time':
      return clock(f.at);
    case 'person':
      return [f.name, f.age !== undefined ? String(f.age) : '', ...f.titles]
        .filter(Boolean)
        .join(', ');
    case 'place':
      return f.words.join(' ');
    case 'cause':
      return `${f.status}${f.cause ? `: ${f.cause}` : ''}`;
    case 'claim':
      return f.positive ? 'stated' : 'denied';
    case 'commitment':
      return f.routine ? `by ${deadline(f.deadline)}` : `${f.action} (by ${deadline(f.deadline)})`;
  }
}

function interval(lo: number, hi: number): string {
  if (hi >= UNBOUNDED) return `at least ${lo}`;
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

function words(s: string): string {
  return s.replace(/[-_]/g, ' ');
}

/** "2:15 a.m.", "noon" (AP style), minutes after midnight. */
function clock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  if (m === 720) return 'noon';
  if (m === 0) return 'midnight';
  const h = Math.floor(m / 60);
  const min = m % 60;
  return `${h % 12 || 12}${min ? `:${String(min).padStart(2, '0')}` : ''} ${h < 12 ? 'a.m.' : 'p.m.'}`;
}

function deadline(stamp: number): string {
  const d = new Date(Math.floor(stamp / 1440) * 86_400_000);
  const day = d.toLocaleDateString('en-US', {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
  return `${clock(stamp % 1440)}, ${day}`;
}
