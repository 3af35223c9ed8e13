// Fact extraction for one release: counts, quantities, event times, people, causes,
// categorical claims and commitments, each with its span. Every extractor is a set of regular
// expressions behind a cheap trigger, so a release is read in well under a millisecond and an
// archive of thousands can be indexed; compromise supplies the verb forms claims are matched on.
import { segment, type Segmented } from '../text/segment';
import { extractCauses } from './causes';
import { extractClaims } from './claims';
import { extractCommitments } from './commitments';
import { extractCounts, type SentenceInput } from './counts';
import { extractTimes, type EventMemory } from './events';
import { asOfBySentence, CORRECTION, REASON } from './framing';
import { extractPeople } from './people';
import { extractPlaces } from './places';
import { extractQuantities } from './quantities';
import type { Fact, ReleaseFacts } from './types';
import { CLOCK, DAY, findIssued } from './when';

export interface ExtractOptions {
  /** When the release was issued (minutes since the epoch); else read from its text. */
  issued?: number;
  /** The text's segmentation, when the caller already has it. */
  doc?: Segmented;
}

const TRIGGERS = {
  count:
    /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|second|third|fourth|fifth|no one|nobody|no injuries|no deaths|no fatalities)\b/i,
  clock: new RegExp(`${CLOCK}|${DAY}`, 'i'),
  person:
    /[A-Z][a-z]+\.? [A-Z][a-z]|\b(?:Mr|Ms|Mrs|Dr|Sgt|Lt|Capt|Det)\. [A-Z]|\b(?:the|a|an) (?:\w+ )?\w+, \d{1,3}\b|\d-year-old/,
  cause:
    /\b(?:caus|source|origin|started|sparked|triggered|traced|know (?:how|why|what)|investigat|resulted|stemmed|speculat|guess|determin|conclud|accidental|arson|points? to|pointed to|suggest)/i,
  // extractClaims looks for its own nouns first; a negation-only trigger would miss "struck … with a baton".
  claim: /[a-z]/i,
  place:
    /\b(?:last seen|fire|blaze|explosion|blast|collision|crash|shooting|stabbing|robbery|collapse|leak|spill|derailment|outbreak)\b/i,
  commitment: /\b(?:will|expects?|expected|plans?|due to|aims?|intends?|should|next update)\b/i,
};

/** A sentence that rebuts rumours: a value stated there is one the issuer staked its word on. */
const RUMOUR =
  /\b(?:rumou?rs?|misinformation|disinformation|false (?:reports?|claims?|information)|(?:reports?|claims?|posts?) (?:on social media )?(?:are|is) (?:false|untrue|not true|incorrect|inaccurate))\b/i;

const HEADER_LINE = /^date:\s*\d{4}-\d{2}-\d{2}/i;

export function extractFacts(text: string, options: ExtractOptions = {}): ReleaseFacts {
  const doc = options.doc ?? segment(text);
  const found = options.issued === undefined ? findIssued(text) : undefined;
  const issued = options.issued ?? found?.stamp;
  const asOf = asOfBySentence(doc.sentences, issued);
  const memory: EventMemory = {};
  const facts: Fact[] = [];
  const reasons: number[] = [];

  doc.sentences.forEach((s, i) => {
    if (HEADER_LINE.test(s.text)) return;
    const previous = doc.sentences[i - 1];
    const input: SentenceInput = {
      text: s.text,
      start: s.start,
      index: s.index,
      ...(asOf[i] !== undefined ? { asOf: asOf[i] } : {}),
      ...(previous ? { previous: previous.text } : {}),
    };
    const paragraphStart = !previous || previous.paragraph !== s.paragraph;
    const found = factsOf(input, issued, memory, paragraphStart);
    if (RUMOUR.test(s.text)) for (const f of found) f.rebuts = true;
    facts.push(...found);
    if (
      REASON.test(s.text) ||
      (CORRECTION.test(s.text) && /\b(?:show|because|after)\b/i.test(s.text))
    ) {
      reasons.push(s.index);
    }
  });
  return {
    ...(issued !== undefined ? { issued } : {}),
    ...(found ? { issuedSpan: { start: found.start, end: found.end } } : {}),
    facts,
    reasons,
  };
}

function factsOf(
  s: SentenceInput,
  issued: number | undefined,
  memory: EventMemory,
  paragraphStart: boolean,
): Fact[] {
  const out: Fact[] = [];
  if (TRIGGERS.count.test(s.text)) out.push(...extractCounts(s), ...extractQuantities(s));
  if (TRIGGERS.clock.test(s.text)) out.push(...extractTimes(s, issued, memory));
  if (TRIGGERS.person.test(s.text)) out.push(...extractPeople(s, paragraphStart));
  if (TRIGGERS.place.test(s.text)) out.push(...extractPlaces(s));
  if (TRIGGERS.cause.test(s.text)) out.push(...extractCauses(s));
  if (TRIGGERS.claim.test(s.text)) out.push(...extractClaims(s));
  if (TRIGGERS.commitment.test(s.text)) out.push(...extractCommitments(s, issued));
  return out;
}
