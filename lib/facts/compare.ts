// The draft's facts against the newest earlier statement of each (RISK-GUIDE §2.14). What is
// told apart from a contradiction: a running figure with its own as-of time, a total that rises
// with update wording, the same quantity in other units, the same number in words, the same
// title before or after a name. What is graded: an unexplained change is high; a falling
// casualty count, a reversed categorical claim, a withdrawn cause or a changed victim identity
// is critical; a correction that names the old value and the reason is medium.
import type { Severity } from '../engine/types';
import { overlap } from './numbers';
import { rankOf } from './people';
import type {
  CauseFact,
  ClaimFact,
  CommitmentFact,
  CountFact,
  Fact,
  PersonFact,
  PlaceFact,
  QuantityFact,
  ReleaseFacts,
  TimeFact,
} from './types';
import { formatClock, formatDay } from './format';
import { termsOf } from './commitments';

export type ConflictCategory =
  | 'count-changed'
  | 'time-changed'
  | 'place-changed'
  | 'identity-changed'
  | 'claim-reversed'
  | 'cause-changed'
  | 'commitment-missed';

/** A fact from an earlier release, with where it came from. */
export interface PriorFact {
  fact: Fact;
  source: string;
  date?: string;
  excerpt: string;
  issued?: number;
}

/** What the comparison needs from an archive: the matter's facts by key, oldest first. */
export interface PriorLookup {
  byKey(key: string): PriorFact[];
  /** Keys that start with a prefix ("time:collapse:"), for facts written with less detail. */
  keys(prefix: string): string[];
  people(): PriorFact[];
  commitments(): PriorFact[];
}

export interface Conflict {
  category: ConflictCategory;
  severity: Severity;
  message: string;
  /** The draft's span. */
  start: number;
  end: number;
  /** The prior fact contradicted, or another place in the draft (source null). */
  related: { source: string | null; start: number; end: number; excerpt?: string; date?: string };
}

const CASUALTY = new Set(['dead', 'injured', 'hospitalised', 'cases', 'missing']);

export function compareWithPriors(
  draft: ReleaseFacts,
  text: string,
  priors: PriorLookup,
  now?: number,
): Conflict[] {
  const out: Conflict[] = [];
  for (const fact of draft.facts) {
    if (fact.cited) continue;
    const conflict = compareOne(fact, draft, text, priors);
    if (conflict) out.push(conflict);
  }
  out.push(
    ...placeConflicts(draft, priors),
    ...causeConflicts(draft, text, priors),
    ...missedCommitments(draft, text, priors, now),
  );
  return out;
}

function compareOne(
  fact: Fact,
  draft: ReleaseFacts,
  text: string,
  priors: PriorLookup,
): Conflict | undefined {
  switch (fact.kind) {
    case 'count':
      return countConflict(fact, draft, text, priors) ?? lowerBoundConflict(fact, priors);
    case 'quantity':
      return quantityConflict(fact, draft, text, priors);
    case 'time':
      return timeConflict(fact, draft, text, priors);
    case 'person':
      return personConflict(fact, priors, draft.issued ?? 0);
    case 'claim':
      return claimConflict(fact, draft, text, priors);
    default:
      return undefined;
  }
}

/** The newest prior statement of a key that was not itself a restatement. */
function newest(priors: PriorLookup, key: string): PriorFact | undefined {
  const list = priors.byKey(key);
  for (let i = list.length - 1; i >= 0; i--) if (!list[i].fact.cited) return list[i];
  return undefined;
}

function related(p: PriorFact): Conflict['related'] {
  return {
    source: p.source,
    start: p.fact.start,
    end: p.fact.end,
    excerpt: p.excerpt,
    ...(p.date ? { date: p.date } : {}),
  };
}

function conflict(
  fact: Fact,
  category: ConflictCategory,
  severity: Severity,
  message: string,
  p: PriorFact,
): Conflict {
  // RISK-GUIDE §2.14: contradicting a value once used to rebut rumours is critical.
  const rebutted = p.fact.rebuts && severity === 'high';
  return {
    category,
    severity: rebutted ? 'critical' : severity,
    message: rebutted ? `${message} The earlier release used this to rebut rumours.` : message,
    start: fact.start,
    end: fact.end,
    related: related(p),
  };
}

function countConflict(
  d: CountFact,
  draft: ReleaseFacts,
  text: string,
  priors: PriorLookup,
): Conflict | undefined {
  const p = newest(priors, d.key);
  if (!p || p.fact.kind !== 'count' || overlap(d.value, p.fact.value)) return undefined;
  const prior = p.fact;
  if (d.running === 'volatile') {
    if (d.asOf === undefined || d.asOf !== prior.asOf) return undefined;
    return conflict(
      d,
      'count-changed',
      'high',
      `${label(d)}: ${prior.n} → ${d.n} for the same time, with no explanation.`,
      p,
    );
  }
  const rose = d.value.lo > prior.value.hi;
  if (d.corrected)
    return correction(
      d,
      'count-changed',
      `${label(d)} corrected from ${prior.n} to ${d.n}`,
      draft,
      text,
      p,
    );
  if (rose && (d.updated || laterAsOf(d.asOf, prior.asOf ?? p.issued))) return undefined;
  const severity: Severity = !rose && CASUALTY.has(d.attr) ? 'critical' : 'high';
  const how = rose ? 'rises' : 'falls';
  return conflict(
    d,
    'count-changed',
    severity,
    `${label(d)} ${how} from ${prior.n} to ${d.n} without saying it changed or why.`,
    p,
  );
}

/** Fewer people hurt than were taken to hospital is a contradiction ("five injured", "six taken"). */
function lowerBoundConflict(d: CountFact, priors: PriorLookup): Conflict | undefined {
  if (d.attr !== 'injured' || d.cited || d.corrected) return undefined;
  // "Five injured" (everyone) cannot be fewer than "six workers taken to hospital".
  const keys =
    d.noun === 'people' ? priors.keys('count:hospitalised:') : [`count:hospitalised:${d.noun}`];
  for (const key of keys) {
    const p = newest(priors, key);
    if (!p || p.fact.kind !== 'count' || d.value.hi >= p.fact.value.lo) continue;
    return conflict(
      d,
      'count-changed',
      'critical',
      `Says ${d.n} hurt, but ${p.fact.n} were taken to hospital.`,
      p,
    );
  }
  return undefined;
}

function laterAsOf(draftAsOf: number | undefined, priorAsOf: number | undefined): boolean {
  return draftAsOf !== undefined && (priorAsOf === undefined || draftAsOf > priorAsOf);
}

function quantityConflict(
  d: QuantityFact,
  draft: ReleaseFacts,
  text: string,
  priors: PriorLookup,
): Conflict | undefined {
  const p = newest(priors, d.key);
  if (!p || p.fact.kind !== 'quantity' || overlap(d.value, p.fact.value)) return undefined;
  const prior = p.fact;
  const what = `${d.measure} (${prior.n} ${prior.unit} → ${d.n} ${d.unit})`;
  if (d.corrected)
    return correction(d, 'count-changed', `The ${what} is corrected`, draft, text, p);
  const rose = d.value.lo > prior.value.hi;
  if (rose && (d.updated || d.key.endsWith(':extent') || laterAsOf(d.asOf, prior.asOf)))
    return undefined;
  return conflict(d, 'count-changed', 'high', `The ${what} changed without saying so or why.`, p);
}

function timeConflict(
  d: TimeFact,
  draft: ReleaseFacts,
  text: string,
  priors: PriorLookup,
): Conflict | undefined {
  const p = newest(priors, sameEventKey(d.key, priors));
  if (!p || p.fact.kind !== 'time') return undefined;
  const prior = p.fact;
  const otherDay = d.day !== undefined && prior.day !== undefined && d.day !== prior.day;
  if (!otherDay && overlap(d.minutes, prior.minutes)) return placeConflict(d, p);
  const what = otherDay
    ? `Day of the ${eventName(d.event)} moves from ${formatDay(prior.day!)} to ${formatDay(d.day!)}`
    : `Time of the ${eventName(d.event)} moves from ${formatClock(prior.at)} to ${formatClock(d.at)}`;
  if (d.corrected) return correction(d, 'time-changed', what, draft, text, p);
  return conflict(d, 'time-changed', 'high', `${what}, with no correction or reason.`, p);
}

/**
 * "The time of the collapse" names no subject; "the bridge collapsed" does. They are one event
 * when the matter has only one event of that kind.
 */
function sameEventKey(key: string, priors: PriorLookup): string {
  if (priors.byKey(key).length > 0) return key;
  const parts = key.split(':');
  if (parts.length === 3)
    return priors.byKey(parts.slice(0, 2).join(':')).length > 0 ? parts.slice(0, 2).join(':') : key;
  const wider = priors.keys(`${key}:`);
  return wider.length === 1 ? wider[0] : key;
}

function placeConflict(d: TimeFact, p: PriorFact): Conflict | undefined {
  const prior = p.fact as TimeFact;
  if (!d.place || !prior.place) return undefined;
  const mine = new Set(d.place.split(' '));
  if (prior.place.split(' ').some((w) => mine.has(w))) return undefined;
  return conflict(
    d,
    'place-changed',
    'high',
    `Place of the ${eventName(d.event)} differs from the earlier release.`,
    p,
  );
}

/**
 * Where the incident happened, or where someone was last seen: all the draft's place words
 * against all those of the newest release that named one. Only no word in common is a change.
 */
function placeConflicts(draft: ReleaseFacts, priors: PriorLookup): Conflict[] {
  const out: Conflict[] = [];
  for (const role of ['incident', 'last-seen']) {
    const mine = draft.facts.filter((f): f is PlaceFact => f.kind === 'place' && f.role === role);
    const list = priors.byKey(`place:${role}`);
    const last = list[list.length - 1];
    if (mine.length === 0 || !last) continue;
    const theirs = new Set(
      list.filter((p) => p.source === last.source).flatMap((p) => (p.fact as PlaceFact).words),
    );
    if (mine.some((f) => f.words.some((w) => theirs.has(w)))) continue;
    const what = role === 'incident' ? 'where it happened' : 'where the person was last seen';
    out.push(
      conflict(
        mine[0],
        'place-changed',
        'high',
        `The draft places ${what} somewhere the earlier release did not.`,
        last,
      ),
    );
  }
  return out;
}

function eventName(event: string): string {
  const [kind, subject] = event.split(':');
  const names: Record<string, string> = {
    start: 'start',
    dispatch: 'dispatch',
    'first-call': 'first call',
    'under-control': 'control',
    'pronounced-dead': 'pronouncement of death',
    'last-seen': 'last sighting',
    'reported-missing': 'missing-person report',
  };
  return `${subject ? `${subject} ` : ''}${names[kind] ?? kind}`;
}

/** A change the draft presents as a correction: medium with the old value and a reason. */
function correction(
  d: Fact,
  category: ConflictCategory,
  what: string,
  draft: ReleaseFacts,
  text: string,
  p: PriorFact,
): Conflict {
  const namesOld = draft.facts.some((f) => f.cited && f.key === d.key) || mentionsOld(d, p, text);
  const reason = draft.reasons.some((i) => Math.abs(i - d.sentence) <= 2);
  if (namesOld && reason) {
    return conflict(
      d,
      category,
      'medium',
      `${what}; the draft names the old value and the reason. Check it reads as a correction.`,
      p,
    );
  }
  const missing = [namesOld ? '' : 'the earlier value', reason ? '' : 'the reason']
    .filter(Boolean)
    .join(' and ');
  return conflict(d, category, 'high', `${what}; the correction does not give ${missing}.`, p);
}

function mentionsOld(d: Fact, p: PriorFact, text: string): boolean {
  if (p.fact.kind !== 'count' && p.fact.kind !== 'quantity') return false;
  const n = String(p.fact.n);
  const near = text.slice(Math.max(0, d.start - 200), d.end + 200);
  return new RegExp(`\\b${n.replace(/\./g, '\\.')}\\b`).test(near);
}

function label(d: CountFact): string {
  const names: Record<string, string> = {
    dead: 'Death toll',
    injured: 'Injured count',
    hospitalised: 'Number taken to hospital',
    'in-hospital': 'Number in hospital',
    missing: 'Number missing',
    evacuated: 'Number evacuated',
    arrested: 'Number arrested',
    cases: 'Case count',
    treated: 'Number treated',
    responders: 'Number of responders',
    affected: 'Number affected',
  };
  const noun = d.noun === 'people' ? '' : ` (${d.noun}s)`;
  return `${names[d.attr] ?? `Count (${d.attr})`}${noun}`;
}

function personConflict(
  d: PersonFact,
  priors: PriorLookup,
  draftIssued: number,
): Conflict | undefined {
  if (d.last.startsWith('role:')) return roleConflict(d, priors);
  // Newest first: each attribute is checked against the latest release that gave it.
  const same = priors
    .people()
    .filter((p) => samePerson(d, p.fact as PersonFact))
    .reverse();
  const latest = (has: (f: PersonFact) => boolean) => same.find((p) => has(p.fact as PersonFact));
  const named = latest((f) => Boolean(f.first));
  const aged = latest((f) => f.age !== undefined);
  const titled = latest((f) => bestRank(f.titles) !== undefined);
  return (
    (named && nameChange(d, named.fact as PersonFact, named)) ??
    (aged && ageChange(d, aged.fact as PersonFact, aged, draftIssued)) ??
    (titled && titleChange(d, titled.fact as PersonFact, titled)) ??
    undefined
  );
}

/** One person written twice: same surname (first names equal or one missing), or a misspelling. */
function samePerson(a: PersonFact, b: PersonFact): boolean {
  if (b.last.startsWith('role:')) return false;
  if (a.last === b.last)
    return !a.first || !b.first || a.first === b.first || similarName(a.first, b.first);
  return Boolean(a.first && a.first === b.first && similarName(a.last, b.last));
}

function nameChange(d: PersonFact, prior: PersonFact, p: PriorFact): Conflict | undefined {
  if (!d.first || !prior.first || d.name === prior.name) return undefined;
  if (d.first === prior.first && d.last === prior.last) return undefined;
  const severity: Severity = d.subject || prior.subject ? 'critical' : 'high';
  return conflict(
    d,
    'identity-changed',
    severity,
    `Name is spelled "${d.name}" here but "${prior.name}" earlier.`,
    p,
  );
}

function ageChange(
  d: PersonFact,
  prior: PersonFact,
  p: PriorFact,
  draftIssued: number,
): Conflict | undefined {
  if (d.age === undefined || prior.age === undefined || d.age === prior.age) return undefined;
  // A year older in a release months later is a birthday, not a contradiction.
  const months = (draftIssued - (p.issued ?? draftIssued)) / (1440 * 30);
  if (Math.abs(d.age - prior.age) === 1 && months >= 6) return undefined;
  const severity: Severity = d.subject || prior.subject ? 'critical' : 'high';
  return conflict(
    d,
    'identity-changed',
    severity,
    `${d.name}'s age is ${d.age} here but ${prior.age} earlier.`,
    p,
  );
}

function titleChange(d: PersonFact, prior: PersonFact, p: PriorFact): Conflict | undefined {
  if (d.roleChange) return undefined;
  const mine = bestRank(d.titles);
  const theirs = bestRank(prior.titles);
  if (!mine || !theirs || mine === theirs) return undefined;
  // "Detective Jane Roe" and "Detective Sergeant Jane Roe": a role word beside a rank.
  if (GENERIC_RANKS.has(mine) && prior.titles.some((t) => t.includes(mine))) return undefined;
  if (GENERIC_RANKS.has(theirs) && d.titles.some((t) => t.includes(theirs))) return undefined;
  return conflict(
    d,
    'identity-changed',
    'high',
    `${d.name} is titled ${mine} here but ${theirs} earlier, with no promotion or correction mentioned.`,
    p,
  );
}

const GENERIC_RANKS = new Set(['detective', 'officer', 'deputy', 'trooper', 'agent']);

function bestRank(titles: string[]): string | undefined {
  for (const t of titles) {
    const r = rankOf(t);
    if (r) return r;
  }
  return undefined;
}

const GENERIC_ROLES = new Set([
  'role:man',
  'role:woman',
  'role:boy',
  'role:girl',
  'role:child',
  'role:teenager',
  'role:worker',
  'role:resident',
]);

function roleConflict(d: PersonFact, priors: PriorLookup): Conflict | undefined {
  if (GENERIC_ROLES.has(d.last)) return undefined;
  const p = newest(priors, d.key);
  const prior = p?.fact as PersonFact | undefined;
  if (!p || prior?.age === undefined || prior.age === d.age) return undefined;
  return conflict(
    d,
    'identity-changed',
    'critical',
    `The ${d.last.slice(5)}'s age is ${d.age} here but ${prior.age} earlier.`,
    p,
  );
}

export function similarName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a[0]?.toLowerCase() !== b[0]?.toLowerCase()) return false;
  const limit = Math.min(a.length, b.length) >= 6 ? 2 : Math.min(a.length, b.length) >= 4 ? 1 : 0;
  return editDistance(a.toLowerCase(), b.toLowerCase()) <= limit;
}

/** Optimal string alignment distance: a transposed pair of letters is one edit. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

const ACKNOWLEDGE =
  /\b(?:earlier|previous(?:ly)?|initial(?:ly)?|first) (?:statement|release|update|report|said|stated|reported)|\bwe (?:had )?(?:said|stated|reported)\b|\b(?:no longer|ruled out|retract\w*|withdraw\w*|not confirmed|was wrong|were wrong|incorrect\w*|correct\w*)\b/i;

function acknowledged(d: Fact, text: string): boolean {
  const around = text.slice(Math.max(0, d.start - 300), d.end + 300);
  return ACKNOWLEDGE.test(around);
}

const OBJECTS: Record<string, string> = {
  armed: 'an armed person',
  'foul-play': 'foul play',
  weapon: 'a weapon',
  force: 'force',
  contamination: 'contamination',
  complaint: 'complaints',
  alcohol: 'alcohol or drugs',
};
const PAST: Record<string, string> = {
  be: 'involved',
  use: 'used',
  find: 'found',
  receive: 'received',
  involve: 'involved',
};

/** "says a weapon was used" / "says no weapon was used". */
function claimText(d: ClaimFact): string {
  const object = OBJECTS[d.object] ?? d.object;
  const verb = PAST[d.verb] ?? d.verb;
  return d.positive
    ? `says ${object} was ${verb}`
    : `says no ${object.replace(/^a /, '')} was ${verb}`;
}

function claimConflict(
  d: ClaimFact,
  draft: ReleaseFacts,
  text: string,
  priors: PriorLookup,
): Conflict | undefined {
  const p = newest(priors, d.key);
  if (!p || p.fact.kind !== 'claim' || p.fact.positive === d.positive) return undefined;
  const what = claimText(d);
  if (acknowledged(d, text)) {
    const reason = draft.reasons.some((i) => Math.abs(i - d.sentence) <= 2);
    return conflict(
      d,
      'claim-reversed',
      reason ? 'medium' : 'high',
      `The draft ${what}, reversing the earlier release; it acknowledges the change${reason ? ' and gives a reason' : ' but gives no reason'}.`,
      p,
    );
  }
  return conflict(
    d,
    'claim-reversed',
    'critical',
    `The draft ${what}; the earlier release said the opposite, and the draft does not acknowledge it.`,
    p,
  );
}

function causeConflicts(draft: ReleaseFacts, text: string, priors: PriorLookup): Conflict[] {
  const out: Conflict[] = [];
  for (const subject of ['incident', 'death']) {
    const mine = draft.facts.filter(
      (f): f is CauseFact => f.kind === 'cause' && f.subject === subject && !f.cited,
    );
    const p = strongestNewest(priors.byKey(`cause:${subject}`));
    if (mine.length === 0 || !p) continue;
    const found = causeConflict(mine, p, draft, text);
    if (found) out.push(found);
  }
  return out;
}

/** The newest release that spoke about the cause, by the firmest thing it said. */
function strongestNewest(list: PriorFact[]): PriorFact | undefined {
  const last = list[list.length - 1];
  if (!last) return undefined;
  const sameRelease = list.filter((p) => p.source === last.source);
  return sameRelease.find((p) => (p.fact as CauseFact).status === 'determined') ?? last;
}

function causeConflict(
  mine: CauseFact[],
  p: PriorFact,
  draft: ReleaseFacts,
  text: string,
): Conflict | undefined {
  const prior = p.fact as CauseFact;
  if (prior.status !== 'determined') return undefined;
  const determined = mine.find((f) => f.status !== 'undetermined');
  if (determined) return changedCause(determined, prior, p, text);
  const d = mine[0];
  if (acknowledged(d, text)) {
    const reason = draft.reasons.some((i) => Math.abs(i - d.sentence) <= 2);
    return conflict(
      d,
      'cause-changed',
      reason ? 'medium' : 'high',
      'The earlier release stated the cause; this one says it is not known. The draft mentions the earlier cause; say plainly that it is withdrawn and why.',
      p,
    );
  }
  return conflict(
    d,
    'cause-changed',
    'critical',
    `The earlier release said the cause was ${prior.cause ?? 'known'}; this one says it is not known, without withdrawing the earlier statement.`,
    p,
  );
}

function changedCause(
  d: CauseFact,
  prior: CauseFact,
  p: PriorFact,
  text: string,
): Conflict | undefined {
  const before = new Set(termsOf(prior.cause ?? ''));
  if (termsOf(d.cause ?? '').some((t) => before.has(t))) return undefined;
  if (d.status === 'suspected' && acknowledged(d, text)) return undefined;
  const severity: Severity = acknowledged(d, text) ? 'high' : 'critical';
  return conflict(
    d,
    'cause-changed',
    severity,
    `The cause given differs from the earlier release (${prior.cause ?? 'a stated cause'}).`,
    p,
  );
}

const DONE =
  /\b(?:finished|completed|complete[ds]?|reopened|published|released|done|delivered|resumed|restored|opened|issued|sent|tested|inspected|has been|have been|was|were)\b/i;
const SLIP =
  /\b(?:delay\w*|postpon\w*|pushed back|later than (?:planned|expected|we said)|now expects?|instead of|rather than|no longer expect\w*|will now)\b/i;

/** Promises from earlier releases that fell due before the draft was issued. */
function missedCommitments(
  draft: ReleaseFacts,
  text: string,
  priors: PriorLookup,
  now?: number,
): Conflict[] {
  const issued = draft.issued ?? now;
  if (issued === undefined) return [];
  const out: Conflict[] = [];
  for (const p of priors.commitments()) {
    const c = p.fact as CommitmentFact;
    if (c.routine || c.deadline >= issued || c.terms.length === 0) continue;
    const found = commitmentStatus(c, text, p);
    if (found) out.push(found);
  }
  return out;
}

function commitmentStatus(c: CommitmentFact, text: string, p: PriorFact): Conflict | undefined {
  const need = Math.min(2, c.terms.length);
  const sentences = text.split(/(?<=[.!?])\s+/);
  let offset = 0;
  for (const sentence of sentences) {
    const at = text.indexOf(sentence, offset);
    offset = at + sentence.length;
    const words = new Set(termsOf(sentence));
    if (c.terms.filter((t) => words.has(t)).length < need) continue;
    if (DONE.test(sentence) && !/\b(?:will|expect)/i.test(sentence)) return undefined;
    const severity: Severity = SLIP.test(sentence) ? 'low' : 'medium';
    return {
      category: 'commitment-missed',
      severity,
      message:
        'An earlier release promised this by a time that has now passed; the draft gives a new time without saying the first was missed.',
      start: at,
      end: at + sentence.length,
      related: related(p),
    };
  }
  return {
    category: 'commitment-missed',
    severity: 'low',
    message:
      'An earlier release promised this by a time that has passed; the draft does not say whether it was done.',
    start: 0,
    end: 0,
    related: related(p),
  };
}
