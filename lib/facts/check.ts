// The consistency check review() runs: the draft's facts against themselves (always) and
// against the matter's earlier releases (when an archive is given), as `inconsistency`
// findings that name both spans. It is code, not a rule file, so its explanations live here.
import type { Finding, PriorRelease, Severity } from '../engine/types';
import { POINTS } from '../engine/severity';
import { segment, type Segmented } from '../text/segment';
import {
  indexArchive,
  isArchiveIndex,
  lookupIn,
  selectMatters,
  type ArchiveIndex,
} from './archive';
import { compareWithPriors, type Conflict, type ConflictCategory } from './compare';
import { extractFacts } from './extract';
import { internalConflicts } from './internal';
import { dayNumber } from './when';

export interface ConsistencyOptions {
  archive?: PriorRelease[] | ArchiveIndex;
  /** The matter to compare with, when the archive holds several; else chosen by content. */
  matter?: string;
  /** Review time, for a draft with no date of its own. */
  now?: Date;
  doc?: Segmented;
}

/** Rule ids of the checker, for reports and for harnesses that ask what is implemented. */
export const FACT_RULES: Record<ConflictCategory, string> = {
  'count-changed': 'facts/count-changed',
  'time-changed': 'facts/time-changed',
  'place-changed': 'facts/place-changed',
  'identity-changed': 'facts/identity-changed',
  'claim-reversed': 'facts/claim-reversed',
  'cause-changed': 'facts/cause-changed',
  'commitment-missed': 'facts/commitment-missed',
};

const indexes = new WeakMap<PriorRelease[], ArchiveIndex>();

/** An index for an archive given as releases, built once per array. */
function indexOf(archive: PriorRelease[] | ArchiveIndex): ArchiveIndex {
  if (isArchiveIndex(archive)) return archive;
  let index = indexes.get(archive);
  if (!index) {
    index = indexArchive(archive);
    indexes.set(archive, index);
  }
  return index;
}

export function checkConsistency(text: string, options: ConsistencyOptions = {}): Finding[] {
  const doc = options.doc ?? segment(text);
  const draft = extractFacts(text, { doc });
  const conflicts: Conflict[] = [];
  // Prior-release conflicts first: where one place contradicts both, dedupe keeps the first,
  // and naming the earlier release says more than naming another line of the draft.
  if (options.archive) {
    const index = indexOf(options.archive);
    const lookup = lookupIn(index, selectMatters(index, text, options.matter));
    conflicts.push(...compareWithPriors(draft, text, lookup, stampOf(options.now)));
  }
  conflicts.push(...internalConflicts(draft, text, doc));
  return conflicts.map((c) => toFinding(c, text));
}

function stampOf(now: Date | undefined): number | undefined {
  const d = now ?? new Date();
  return (
    dayNumber(d.getFullYear(), d.getMonth(), d.getDate()) * 1440 +
    d.getHours() * 60 +
    d.getMinutes()
  );
}

function toFinding(c: Conflict, text: string): Finding {
  const internal = c.related.source === null;
  const about = EXPLAIN[c.category];
  return {
    rule: FACT_RULES[c.category],
    family: 'inconsistency',
    category: c.category,
    severity: c.severity,
    start: c.start,
    end: c.end,
    excerpt: text.slice(c.start, c.end),
    message: c.message,
    why: internal ? INTERNAL_WHY : about.why,
    guideline: about.guideline,
    suggestion: internal ? INTERNAL_SUGGESTION : about.suggestion,
    points: POINTS[c.severity as Severity],
    related: {
      source: c.related.source,
      excerpt: c.related.excerpt ?? text.slice(c.related.start, c.related.end),
      start: c.related.start,
      end: c.related.end,
      ...(c.related.date ? { date: c.related.date } : {}),
    },
  };
}

const INTERNAL_WHY =
  'A headline, lead or quote that disagrees with the body tells readers the release was not checked, and reporters will quote whichever version suits them (RISK-GUIDE §2.14, internal checks).';
const INTERNAL_SUGGESTION =
  'Check both places against the source of record and make them say the same thing; if one is an older figure, date it ("as of 8 a.m.").';

const EXPLAIN: Record<ConflictCategory, { why: string; guideline: string; suggestion: string }> = {
  'count-changed': {
    why: 'A figure that changes between releases without explanation reads as concealment or confusion; shifting tolls (Hurricane Maria 64 → 2,975, Wenzhou 40 → 39 → 40) cost their issuers credibility (RISK-GUIDE §2.9, §2.14).',
    guideline: 'CERC: be right; NIMS: one voice',
    suggestion:
      'If the figure changed, say so where it appears: the earlier figure, the new one, the time it holds at and the reason ("revised from 14 to 11 after hospitals found duplicate records"). If it did not, use the released figure.',
  },
  'time-changed': {
    why: 'The time of an event is a fixed fact; when it moves between releases without comment, readers ask what else was wrong (Uvalde timeline changes, RISK-GUIDE §2.14).',
    guideline: 'CERC: be right; NIMS: one voice',
    suggestion:
      'Confirm the time with the source of record. If the earlier time was wrong, correct it openly: the old time, the new time and how you know (logs, sensor data, 911 records).',
  },
  'place-changed': {
    why: 'Where something happened is a fixed fact that families and reporters check; a silent change looks like carelessness (RISK-GUIDE §2.14).',
    guideline: 'CERC: be right; NIMS: one voice',
    suggestion:
      'Confirm the location. If the earlier release was wrong, say so and give the correct place and how it was established.',
  },
  'identity-changed': {
    why: 'Names, ages and titles are what families and the public check first; changing them without comment reads as carelessness or concealment (Feng County statements, RISK-GUIDE §2.14, §5.1).',
    guideline: 'CERC: be right; WHO: trust',
    suggestion:
      'Check the name, age and title against the record. If the earlier release was wrong, correct it explicitly; if the role changed, say so (promoted, acting).',
  },
  'claim-reversed': {
    why: 'Reversing a categorical statement ("no weapons were used") without acknowledging it is the fastest way to lose trust (Minneapolis 2020, RISK-GUIDE §2.3, §2.14).',
    guideline: 'CERC: be credible; WHO: transparency',
    suggestion:
      'Acknowledge the earlier statement: what it said, what is now known, how it was found out, and what you are doing about the discrepancy.',
  },
  'cause-changed': {
    why: 'A cause stated as fact and then silently dropped or replaced tells readers the first statement was a guess presented as a finding (RISK-GUIDE §2.2, §2.14).',
    guideline: 'CERC: be right; WHO: announce uncertainty',
    suggestion:
      'Say that the earlier statement of the cause is withdrawn or not confirmed, why, and how the cause will now be established and reported.',
  },
  'commitment-missed': {
    why: 'A promise whose deadline passes in silence is remembered longer than the promise itself (H1N1 vaccine 2009, RISK-GUIDE §2.12).',
    guideline: 'CERC: promote action; be credible',
    suggestion:
      'Say whether the promised step happened; if it slipped, say so, why, and the new time.',
  },
};
