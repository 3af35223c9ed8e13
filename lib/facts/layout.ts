// Where each sentence sits in a release: header lines, headline, lead (the dateline paragraph)
// or body, and which places it names. Internal checks compare a headline or lead with the
// rest, and never two passages about different places or marked as separate incidents: a
// storm round-up that reports two injured in Brookfield and one in Sawyer Hill is not
// contradicting itself.
import type { Segmented } from '../text/segment';

export type Part = 'header' | 'headline' | 'lead' | 'body';

export interface SentenceRole {
  paragraph: number;
  part: Part;
  /** Lower-cased proper words after a preposition ("in Brookfield" → brookfield). */
  places: Set<string>;
  /** The sentence says it is about another incident ("elsewhere", "in a separate crash"). */
  separate: boolean;
}

const DATELINE =
  /^[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][A-Za-z.]*\.?)*(?:,?\s*[A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?)?\s*[—–-]{1,2}\s/;
const LABEL =
  /^(?:(?:Media |Press )?(?:contacts?|line|relations|enquiries|inquiries)|Media|Press|Spokesperson|Phone|Tel|E-?mail|Web(?:site)?|For more information)\s*:|FOR IMMEDIATE RELEASE|^(?:Issued|Released|Updated|Posted)\b|^###|^-30-|^END$/i;
const SEPARATE =
  /\b(?:elsewhere|separately|in (?:a |an )?(?:separate|second|another|unrelated|different)\b|another (?:crash|collision|fire|incident|accident|call|case)|in addition)\b/i;
const PLACE = /\b(?:in|at|on|near|along)\s+(?:the\s+)?((?:[A-Z][\w'’-]+)(?:\s[A-Z][\w'’-]+)*)/g;
const NOT_PLACE = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
    'june july august september october november december jan feb aug sept oct nov dec street ' +
    'road avenue lane hospital center centre the'
  ).split(' '),
);

export function layoutOf(doc: Segmented): SentenceRole[] {
  const parts = paragraphParts(doc);
  return doc.sentences.map((s) => ({
    paragraph: s.paragraph,
    part: parts[s.paragraph] ?? 'body',
    places: placesIn(s.text),
    separate: SEPARATE.test(s.text),
  }));
}

/** Header lines up to the dateline paragraph (the lead); the last real line of them is the headline. */
function paragraphParts(doc: Segmented): Part[] {
  const texts = doc.paragraphs.map((p) => p.text);
  let lead = texts.findIndex((t) => DATELINE.test(t) && isProse(t) && t.split(/\s+/).length >= 12);
  if (lead === -1) lead = texts.findIndex((t) => isProse(t) && t.split(/\s+/).length >= 6);
  if (lead === -1) return texts.map(() => 'body');
  const parts: Part[] = texts.map((_, i) => (i < lead ? 'header' : i === lead ? 'lead' : 'body'));
  for (let i = lead - 1; i >= 0; i--) {
    if (LABEL.test(texts[i]) || texts[i].split(/\s+/).length < 3) continue;
    parts[i] = 'headline';
    break;
  }
  return parts;
}

/** A paragraph of sentences, not a label line or a headline. */
function isProse(text: string): boolean {
  return /[.!?]["'”’)]?$/.test(text) && !LABEL.test(text);
}

function placesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(PLACE)) {
    for (const w of m[1].toLowerCase().split(/\s+/)) {
      const word = w.replace(/['’]s?$/, '');
      if (!NOT_PLACE.has(word)) out.add(word);
    }
  }
  return out;
}

/**
 * Two sentences may contradict each other: a headline or lead against anything, or two
 * sentences of one paragraph, unless they name different places or one is about another
 * incident.
 */
export function comparable(a: SentenceRole | undefined, b: SentenceRole | undefined): boolean {
  if (!a || !b || a.separate || b.separate || disjointPlaces(a.places, b.places)) return false;
  const prominent = (r: SentenceRole) => r.part === 'headline' || r.part === 'lead';
  return prominent(a) || prominent(b) || a.paragraph === b.paragraph;
}

function disjointPlaces(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const w of a) if (b.has(w)) return false;
  return true;
}
