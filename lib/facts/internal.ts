// Contradictions inside one draft: a headline count that the body does not bear out, two
// times for one event, a name spelled two ways ("Jaylin Marsh" in the lead, "Jaylen's family"
// in the quote), a claim and its opposite. These need no archive, so they run on every review.
import type { Severity } from '../engine/types';
import type { Conflict } from './compare';
import { similarName } from './compare';
import { overlap } from './numbers';
import type {
  ClaimFact,
  CommitmentFact,
  CountFact,
  Fact,
  PersonFact,
  ReleaseFacts,
  TimeFact,
} from './types';
import { formatClock } from './format';
import { comparable, layoutOf } from './layout';
import { segment, type Segmented } from '../text/segment';

/** Whether two facts of one draft may be held against each other. */
type Near = (a: Fact, b: Fact) => boolean;

const CASUALTY = new Set(['dead', 'injured', 'hospitalised', 'cases', 'missing']);

export function internalConflicts(draft: ReleaseFacts, text: string, doc?: Segmented): Conflict[] {
  const live = draft.facts.filter((f) => !f.cited && !f.corrected);
  const roles = layoutOf(doc ?? segment(text));
  const near = (a: Fact, b: Fact) =>
    a.sentence !== b.sentence && comparable(roles[a.sentence], roles[b.sentence]);
  return [
    ...countConflicts(
      live.filter((f): f is CountFact => f.kind === 'count'),
      near,
    ),
    ...timeConflicts(
      live.filter((f): f is TimeFact => f.kind === 'time'),
      (a, b) => !roles[a.sentence]?.separate && !roles[b.sentence]?.separate,
    ),
    ...claimConflicts(
      live.filter((f): f is ClaimFact => f.kind === 'claim'),
      near,
    ),
    ...nameConflicts(
      live.filter((f): f is PersonFact => f.kind === 'person'),
      text,
    ),
    ...staleCommitments(draft),
  ];
}

/** A promise already past due on the draft's own date: text left over from an older release. */
function staleCommitments(draft: ReleaseFacts): Conflict[] {
  const { issued, issuedSpan } = draft;
  if (issued === undefined || !issuedSpan) return [];
  return draft.facts
    .filter((f): f is CommitmentFact => f.kind === 'commitment' && f.deadline < issued)
    .map((c) => ({
      category: 'commitment-missed' as const,
      severity: 'medium' as const,
      message:
        'This promises something by a time that has already passed on the date the draft is issued.',
      start: c.start,
      end: c.end,
      related: { source: null, start: issuedSpan.start, end: issuedSpan.end },
    }));
}

function inside(
  fact: Fact,
  other: Fact,
  category: Conflict['category'],
  severity: Severity,
  message: string,
): Conflict {
  return {
    category,
    severity,
    message,
    start: fact.start,
    end: fact.end,
    related: { source: null, start: other.start, end: other.end },
  };
}

/** Partial counts that are not totals: "two officers held him", "three officers are on leave". */
const PARTIAL = /^(?:responders|condition-|treated)/;

function countConflicts(all: CountFact[], near: Near): Conflict[] {
  const counts = all.filter((c) => !PARTIAL.test(c.attr));
  const out: Conflict[] = [];
  for (const [i, a] of counts.entries()) {
    for (const b of counts.slice(i + 1)) {
      if (!near(a, b)) continue;
      const found =
        countPair(a, b) ?? partExceedsWhole(a, b) ?? lowerBound(a, b) ?? lowerBound(b, a);
      if (found) out.push(found);
    }
  }
  return out;
}

/** "Five people died" and "six workers died": a part cannot outnumber the whole. */
function partExceedsWhole(a: CountFact, b: CountFact): Conflict | undefined {
  if (a.attr !== b.attr || a.noun === b.noun || !sameMoment(a, b)) return undefined;
  const [whole, part] = a.noun === 'people' ? [a, b] : b.noun === 'people' ? [b, a] : [];
  if (!whole || !part || part.value.lo <= whole.value.hi || part.running !== 'cumulative')
    return undefined;
  return inside(
    whole,
    part,
    'count-changed',
    CASUALTY.has(a.attr) ? 'critical' : 'high',
    `Says ${whole.n} in all, but the draft also counts ${part.n} ${part.noun}s.`,
  );
}

function countPair(a: CountFact, b: CountFact): Conflict | undefined {
  if (a.key !== b.key || overlap(a.value, b.value) || !sameMoment(a, b)) return undefined;
  const [low, high] = a.value.hi < b.value.lo ? [a, b] : [b, a];
  if (high.updated && high.running === 'cumulative') return undefined;
  const severity: Severity = CASUALTY.has(a.attr) ? 'critical' : 'high';
  return inside(
    a,
    b,
    'count-changed',
    severity,
    `This count (${a.n}) disagrees with the same count elsewhere in the draft (${b.n}); ${low.n} vs ${high.n}.`,
  );
}

/** Figures for the same moment: equal as-of times, or one undated (a headline) for running ones. */
function sameMoment(a: CountFact, b: CountFact): boolean {
  if (a.asOf === b.asOf) return true;
  return a.running === 'volatile' && (a.asOf === undefined || b.asOf === undefined);
}

function lowerBound(injured: CountFact, taken: CountFact): Conflict | undefined {
  if (injured.attr !== 'injured' || taken.attr !== 'hospitalised') return undefined;
  if (injured.noun !== taken.noun && injured.noun !== 'people') return undefined;
  if (injured.value.hi >= taken.value.lo) return undefined;
  return inside(
    injured,
    taken,
    'count-changed',
    'critical',
    `Says ${injured.n} hurt, but the draft also says ${taken.n} were taken to hospital.`,
  );
}

function timeConflicts(times: TimeFact[], near: Near): Conflict[] {
  const out: Conflict[] = [];
  for (const [i, a] of times.entries()) {
    for (const b of times.slice(i + 1)) {
      if (a.key !== b.key || !near(a, b)) continue;
      const otherDay = a.day !== undefined && b.day !== undefined && a.day !== b.day;
      if (!otherDay && overlap(a.minutes, b.minutes)) continue;
      out.push(
        inside(
          b,
          a,
          'time-changed',
          'high',
          `Two different times for one event in the draft: ${formatClock(a.at)} and ${formatClock(b.at)}.`,
        ),
      );
    }
  }
  return out;
}

function claimConflicts(claims: ClaimFact[], near: Near): Conflict[] {
  const out: Conflict[] = [];
  for (const [i, a] of claims.entries()) {
    const b = claims
      .slice(i + 1)
      .find((c) => c.key === a.key && c.positive !== a.positive && near(a, c));
    if (b)
      out.push(
        inside(b, a, 'claim-reversed', 'critical', 'The draft states this and its opposite.'),
      );
  }
  return out;
}

/** A name written two ways in one draft: full names, possessives, "Mr. X", "X said". */
function nameConflicts(people: PersonFact[], text: string): Conflict[] {
  const named = people.filter((p) => !p.last.startsWith('role:'));
  const out: Conflict[] = [];
  for (const [i, a] of named.entries()) {
    const b = named.slice(i + 1).find((c) => differentSpelling(a, c) || differentAge(a, c));
    if (b)
      out.push(
        inside(
          b,
          a,
          'identity-changed',
          b.subject ? 'critical' : 'high',
          `The draft gives ${a.name}${a.age ? `, ${a.age}` : ''} and ${b.name}${b.age ? `, ${b.age}` : ''}.`,
        ),
      );
  }
  return [...out, ...variantMentions(named, text)];
}

function differentSpelling(a: PersonFact, b: PersonFact): boolean {
  if (a.last === b.last)
    return Boolean(a.first && b.first && a.first !== b.first && similarName(a.first, b.first));
  return Boolean(a.first && a.first === b.first && similarName(a.last, b.last));
}

function differentAge(a: PersonFact, b: PersonFact): boolean {
  return a.name === b.name && a.age !== undefined && b.age !== undefined && a.age !== b.age;
}

const MENTION =
  /\b(?:(?:Mr|Ms|Mrs|Dr)\.\s+([A-Z][a-z]+)|([A-Z][a-z]{3,})['’]s\b|([A-Z][a-z]{3,})(?=,? (?:said|says|told)\b))/g;

/** A one-word mention ("Jaylen's family") that misspells a name given in full. */
function variantMentions(named: PersonFact[], text: string): Conflict[] {
  const out: Conflict[] = [];
  const tokens = new Map<string, PersonFact>();
  for (const p of named) {
    if (p.first) tokens.set(p.first, p);
    tokens.set(p.last, p);
  }
  for (const m of text.matchAll(MENTION)) {
    const word = m[1] ?? m[2] ?? m[3];
    if (tokens.has(word)) continue;
    const person = [...tokens.entries()].find(([t]) => similarName(t, word))?.[1];
    if (!person) continue;
    const at = (m.index ?? 0) + m[0].indexOf(word);
    out.push({
      category: 'identity-changed',
      severity: person.subject ? 'critical' : 'high',
      message: `"${word}" here, "${person.name}" elsewhere in the draft.`,
      start: person.start,
      end: person.end,
      related: { source: null, start: at, end: at + word.length },
    });
  }
  return out;
}
