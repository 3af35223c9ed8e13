// Stated causes and their status: determined ("was caused by contaminated well water"),
// suspected ("most likely caused by …", "initial indications"), or undetermined ("the cause
// has not been determined", "we do not yet know how the fire started", "investigators have
// not yet identified the source"). The cause of a death is kept apart from the cause of the
// incident: "the cause of death has not been determined" withdraws nothing about the fire.
import type { SentenceInput } from './counts';
import { frameAt } from './framing';
import type { CauseFact, CauseStatus } from './types';

const UNDETERMINED = [
  /\b(?:cause|source|origin)s?\b(?: of (?:the |this |his |her )?[\w -]{1,40}?)? (?:has|have|had|is|was|were|are) (?:not|yet to)(?: yet)? (?:been |be )?(?:determined|identified|established|confirmed|known|found)\b/i,
  /\bno (?:cause|source|origin)\b[^.;]{0,40}?\b(?:has|have|had) (?:yet )?been (?:determined|identified|established|found)\b/i,
  /\b(?:do|does|did) not (?:yet )?know (?:how|why|what (?:caused|started|made)|the (?:cause|source|origin))\b/i,
  /\b(?:have|has|had) not (?:yet )?(?:identified|determined|established|found|confirmed) (?:the |what |how |why )(?:source|cause|origin|caused|started|happened)?/i,
  /\b(?:cause|source|origin)s?\b[^.;]{0,40}?\b(?:is|are|remains?) (?:still )?(?:under investigation|unknown|unclear|being investigated|not known|undetermined)\b/i,
  /\b(?:is|are) (?:still )?investigating (?:the (?:cause|source|origin)|how|why|what (?:caused|started))\b/i,
  /\b(?:it is|it's) (?:too early|not yet possible) to (?:say|know|determine) (?:how|why|what)\b/i,
  /\bwill not (?:guess|speculate)\b/i,
];

const DETERMINED = [
  /\b(?:was|were|is|are|has been|had been|have been)\s+(?:most likely\s+|probably\s+|likely\s+|possibly\s+)?(?:caused|started|sparked|triggered) by\s+(?<cause>[^.;,]+)/i,
  /\b(?:cause|source|origin) (?:of [\w -]{1,40}? )?(?:was|is|has been (?:identified|determined|confirmed) as|was (?:identified|determined|confirmed) as|has been traced to|was traced to)\s+(?<cause>[^.;,]+)/i,
  /\b(?:illness|outbreak|fire|blaze|crash|collision|collapse|leak|spill|explosion|break|failure|contamination)\b[^.;]{0,60}?\b(?:caused|started|sparked|triggered) by\s+(?<cause>[^.;,]+)/i,
  /\b(?<cause>(?:an?|the) [\w -]{3,50}?) (?:caused|started|sparked|triggered) the (?:fire|blaze|explosion|blast|outbreak|crash|collision|collapse|leak|spill|outage)\b/i,
  /\b(?:fire|blaze|explosion|death|crash|collision) (?:was|has been) (?:ruled |deemed |declared |determined to be |classified as )?(?<cause>accidental|an accident|arson|intentional|deliberate|a homicide|a suicide|natural)\b/i,
  /\b(?:resulted|stemmed) from\s+(?<cause>[^.;,]+)/i,
  /\b(?:was|were) traced to\s+(?<cause>[^.;,]+)/i,
  /\b(?:determined|concluded|confirmed|found|ruled) (?:that )?the (?:fire|blaze|crash|collision|collapse|explosion|leak|spill|outbreak|death) (?:was|had been) (?<cause>accidental|arson|deliberately set|intentionally set|suspicious|natural|a homicide|a suicide)/i,
  /\b(?:evidence|findings|indications|signs) (?:so far )?(?:point|points|pointed|suggest|suggests|suggested) to\s+(?<cause>[^.;,]+)/i,
];

const INCIDENT =
  /\b(?:fire|blaze|outbreak|illness|crash|collision|collapse|leak|spill|explosion|blast|break|failure|contamination|outage|incident|accident|derailment|cause|source|origin|started|happened)\b/i;
const HEDGE =
  /\b(?:most likely|likely|probably|possibly|may have|might have|could have|appears?|appeared|believed|suspected|thought to|initial(?:ly)?|preliminary|early indications|we think|believes?|points? to|pointed to|suggests?|suggested)\b/i;
const DEATH = /\b(?:cause|manner) of (?:his |her |their |the )?death\b/i;

export function extractCauses(s: SentenceInput): CauseFact[] {
  const undetermined = firstMatch(UNDETERMINED, s.text);
  if (undetermined) return [causeFact(s, undetermined, 'undetermined')];

  const determined = firstMatch(DETERMINED, s.text);
  if (!determined || !INCIDENT.test(s.text.slice(0, determined.index + determined[0].length + 30)))
    return [];
  if (/\b(?:if|whether|rumou?rs?|claims? that|speculat\w*)\b/i.test(s.text)) return [];
  const status: CauseStatus = HEDGE.test(s.text) ? 'suspected' : 'determined';
  return [causeFact(s, determined, status, determined.groups?.cause?.trim())];
}

function firstMatch(patterns: RegExp[], text: string): RegExpExecArray | undefined {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return m;
  }
  return undefined;
}

function causeFact(
  s: SentenceInput,
  m: RegExpExecArray,
  status: CauseStatus,
  cause?: string,
): CauseFact {
  const subject = DEATH.test(s.text) ? 'death' : 'incident';
  return {
    kind: 'cause',
    key: `cause:${subject}`,
    subject,
    status,
    ...(cause ? { cause } : {}),
    start: s.start,
    end: s.start + s.text.length,
    sentence: s.index,
    ...frameAt(s.text, m.index),
  };
}
