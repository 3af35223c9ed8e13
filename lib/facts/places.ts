// Places tied to what happened there: "a fire at the Quayside storage warehouse on Dock
// Street", "last seen … on the Ridge Loop trail". Only capitalised place words are kept, so
// "in the paint shop" and "near the north end" never count as a different place.
import type { SentenceInput } from './counts';
import type { PlaceFact } from './types';

const PROPER = String.raw`((?:[A-Z][\w'’-]*|\d+(?:st|nd|rd|th)?(?=\s[A-Z]))(?:\s(?:[A-Z][\w'’-]*|and(?=\s[A-Z])|of(?=\s[A-Z])|\d+(?:st|nd|rd|th)?(?=\s[A-Z])))*)`;
const PREP = String.raw`(?:at|on|in|near|along|outside|inside|off|below|above)\s+(?:the\s+)?`;

const LAST_SEEN = new RegExp(String.raw`\blast seen\b[^;]{0,60}?\b${PREP}${PROPER}`, 'g');
const INCIDENT =
  /\b(?:fire|blaze|explosion|blast|collision|crash|shooting|stabbing|robbery|collapse|leak|spill|derailment|outbreak)\b(?!\s+(?:department|district|chief|marshal|investigators?|station|crews?|fighters|trucks?|engines?|service|rescue|officials?|captain|hydrants?|alarms?|code|safety|season|ban|danger|risk|prevention|inspectors?|engineers?|team|unit|line|cleanup|response|investigation)\b)/g;
const PLACE_AFTER = new RegExp(String.raw`\b${PREP}${PROPER}`, 'g');
/** "the Quayside warehouse fire": proper words just before the incident noun. */
const PLACE_BEFORE = /((?:[A-Z][\w'’-]*\s+)+)(?:[a-z]+\s+)?$/;

/** Words that name a kind of place, not which one. */
const GENERIC = new Set(
  'and of the street road avenue lane drive boulevard trail trailhead area block intersection north south east west end building'.split(
    ' ',
  ),
);
/** Capitalised words that start sentences or name no place. */
const STOP = new Set('the a an this that our we it in on at'.split(' '));
const NOT_PLACE =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\b/;

export function extractPlaces(s: SentenceInput): PlaceFact[] {
  const out: PlaceFact[] = [];
  for (const m of s.text.matchAll(LAST_SEEN)) {
    const at = (m.index ?? 0) + m[0].length - m[1].length;
    const fact = placeFact(s, 'last-seen', [{ text: m[1], at }]);
    if (fact) out.push(fact);
  }
  for (const m of s.text.matchAll(INCIDENT)) {
    const fact = placeFact(s, 'incident', incidentPlaces(s.text, m.index ?? 0, m[0].length));
    if (fact) out.push(fact);
  }
  return out;
}

interface Piece {
  text: string;
  at: number;
}

/** The places named around one mention of the incident, up to the end of its clause. */
function incidentPlaces(text: string, at: number, length: number): Piece[] {
  const pieces: Piece[] = [];
  const before = PLACE_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
  if (before) pieces.push({ text: before[1].trim(), at: at - before[0].length });
  const rest = text.slice(at + length);
  const clause = rest.slice(0, rest.search(/[,;.]|$/));
  for (const m of clause.matchAll(PLACE_AFTER)) {
    pieces.push({ text: m[1], at: at + length + (m.index ?? 0) + m[0].length - m[1].length });
  }
  return pieces;
}

function placeFact(
  s: SentenceInput,
  role: PlaceFact['role'],
  pieces: Piece[],
): PlaceFact | undefined {
  const kept = pieces.filter(
    (p) => !NOT_PLACE.test(p.text) && !/^(?:The|A|An|This|That)$/.test(p.text),
  );
  const words = kept.flatMap((p) =>
    p.text
      .split(/\s+/)
      .map((w) => w.toLowerCase().replace(/['’]s?$/, ''))
      .filter((w) => !GENERIC.has(w) && !/^\d/.test(w) && !STOP.has(w)),
  );
  if (words.length === 0) return undefined;
  const first = kept[0];
  const last = kept[kept.length - 1];
  return {
    kind: 'place',
    key: `place:${role}`,
    role,
    words: [...new Set(words)],
    start: s.start + first.at,
    end: s.start + last.at + last.text.length,
    sentence: s.index,
  };
}
