// The fact ledger's data: what one release asserts, in a form that can be compared with what
// another release asserted (RISK-GUIDE §2.14). Plain data only, so an index of facts can be
// stored (IndexedDB, a JSON cache) and shipped across messaging unchanged.

/** A closed range of values a wording allows: "about 40" is 36–44, "at least 3" is 3–∞. */
export interface Interval {
  lo: number;
  hi: number;
}

/** Upper bound for open intervals; JSON has no Infinity. */
export const UNBOUNDED = 1e15;

/** How the text frames a value. `cited` restates an earlier figure ("from two … to three"). */
export interface Framing {
  cited?: boolean;
  /** The sentence says the value moved on ("rises to", "a third death", "up from 23"). */
  updated?: boolean;
  /** The sentence corrects an earlier statement ("the correct time is", "revised"). */
  corrected?: boolean;
  /** The sentence uses the value to rebut a rumour ("reports of ten deaths are false"). */
  rebuts?: boolean;
}

interface FactBase extends Framing {
  /** Comparison key: facts with equal keys talk about the same thing. */
  key: string;
  /** The value's span in the release text. */
  start: number;
  end: number;
  sentence: number;
  /** Minutes since the epoch (release-local clock) the figure holds at, when stated. */
  asOf?: number;
}

export type Running = 'cumulative' | 'volatile';

export interface CountFact extends FactBase {
  kind: 'count';
  attr: string;
  noun: string;
  running: Running;
  value: Interval;
  /** The number as written, normalised: 14 for "Fourteen". */
  n: number;
}

export interface QuantityFact extends FactBase {
  kind: 'quantity';
  measure: 'volume' | 'length' | 'mass' | 'area';
  /** Value in the measure's base unit (litres, kilometres, kilograms, hectares). */
  value: Interval;
  n: number;
  unit: string;
}

export interface TimeFact extends FactBase {
  kind: 'time';
  event: string;
  /** Minutes after midnight as written, and the range the wording allows. */
  at: number;
  minutes: Interval;
  /** Day number (days since the epoch) when the text pins the day down. */
  day?: number;
  place?: string;
}

export interface PersonFact extends FactBase {
  kind: 'person';
  name: string;
  first?: string;
  last: string;
  age?: number;
  titles: string[];
  /** The person is the subject of the incident (missing, hurt, dead), not an official. */
  subject: boolean;
  /** The text says the role changed (promoted, acting, appointed). */
  roleChange: boolean;
}

export interface PlaceFact extends FactBase {
  kind: 'place';
  /** What happened there: the incident itself, or where someone was last seen. */
  role: 'incident' | 'last-seen';
  /** Lower-cased proper-noun words of the place ("ridge loop"). */
  words: string[];
}

export type CauseStatus = 'determined' | 'suspected' | 'undetermined';

export interface CauseFact extends FactBase {
  kind: 'cause';
  subject: 'incident' | 'death';
  status: CauseStatus;
  cause?: string;
}

export interface ClaimFact extends FactBase {
  kind: 'claim';
  verb: string;
  object: string;
  positive: boolean;
}

export interface CommitmentFact extends FactBase {
  kind: 'commitment';
  action: string;
  terms: string[];
  /** Latest minute (since the epoch) the promise allows. */
  deadline: number;
  /** A promise of the next update, as opposed to a promise of something done. */
  routine: boolean;
}

export type Fact =
  | CountFact
  | QuantityFact
  | TimeFact
  | PersonFact
  | PlaceFact
  | CauseFact
  | ClaimFact
  | CommitmentFact;

export type FactKind = Fact['kind'];

export interface ReleaseFacts {
  /** When the release was issued (minutes since the epoch), if known. */
  issued?: number;
  /** Where the text states its issue date, when it does. */
  issuedSpan?: { start: number; end: number };
  facts: Fact[];
  /** Sentences that give a reason for a change ("by mistake", "records show"). */
  reasons: number[];
}
