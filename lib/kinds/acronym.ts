// Acronyms the reader is never told the meaning of ("The OCC has stood up the MACS"). A word
// list cannot do this: whether "EOC" is jargon depends on whether the draft spelled it out
// earlier, and whether "NOT" is an acronym depends on it being an English word in capitals.
import nlp from 'compromise';
import { z } from 'zod';

import { defineKind, type Hit } from './kind';
import type { Segmented, Span } from '../text/segment';

const Params = z.object({
  /** Acronyms every reader knows (FBI, TV); compared without a plural "s". */
  allow: z.array(z.string().min(1)).default([]),
  /** Capitalised words used for emphasis or headings, not as acronyms (NOT, DANGER). */
  ignore: z.array(z.string().min(1)).default([]),
  maxLength: z.number().int().min(2).max(10).default(6),
});
type Params = z.infer<typeof Params>;

// Two to ten capitals (digits allowed after the first), an optional plural "s", not glued to
// other word characters, hyphens (COVID-19, I-95), dots (U.S.) or an address (@, /).
const TOKEN =
  /(?<![\p{L}\p{N}@/.&'’-])(\p{Lu}[\p{Lu}\p{N}&]{1,9})s?(?![\p{L}\p{N}@/&'’-]|\.\p{L})/gu;
const ROMAN = /^[IVXLC]+$/;

export const acronym = defineKind({
  name: 'acronym',
  params: Params,
  run(_rule, p, { text, doc }) {
    const known = new Set([...p.allow, ...p.ignore].map((w) => w.toUpperCase()));
    const seen = new Set<string>();
    const hits: Hit[] = [];
    for (const para of doc.paragraphs) {
      if (isHeading(para.text)) continue;
      for (const m of para.text.matchAll(TOKEN)) {
        const word = m[1];
        const at = para.start + m.index;
        if (seen.has(word)) continue;
        seen.add(word);
        if (!looksLikeAcronym(word, p, known) || inRun(para.text, m.index, m[0].length)) continue;
        if (isLeadLabel(para.text, m.index, m[0].length)) continue;
        if (isCodeOrTicker(para.text, m.index, m[0].length)) continue;
        if (definedBy(text, word, sentenceEnd(doc, at))) continue;
        hits.push({ start: at, end: at + m[0].length });
      }
    }
    return hits;
  },
});

function looksLikeAcronym(word: string, p: Params, known: Set<string>): boolean {
  if (word.length > p.maxLength || ROMAN.test(word) || !/\p{Lu}.*\p{Lu}/u.test(word)) return false;
  if (known.has(word)) return false;
  return !isEnglishWord(word);
}

/** A capitalised English word ("NOT", "UPDATE") or a household name the tagger knows (FBI). */
function isEnglishWord(word: string): boolean {
  const lexicon = (
    nlp as unknown as { model(): { one: { lexicon: Record<string, string> } } }
  ).model().one.lexicon;
  return lexicon[word.toLowerCase()] !== undefined;
}

/** Headlines and banners are set in capitals; their words are not acronyms. */
function isHeading(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  const upper = line.replace(/[^\p{Lu}]/gu, '');
  return letters.length > 0 && upper.length / letters.length > 0.6;
}

/** Part of a run of capitalised words ("FOR IMMEDIATE RELEASE", "CORVIN BAY"). */
function inRun(line: string, index: number, length: number): boolean {
  const before = line.slice(0, index);
  const after = line.slice(index + length);
  return /\p{Lu}{2,}[\s—–-]+$/u.test(before) || /^[\s—–-]+\p{Lu}{2,}\b/u.test(after);
}

/** A dateline ("SALEM, Ore. —") or a label at the start of a line ("UPDATE 3 —", "NOTE:"). */
function isLeadLabel(line: string, index: number, length: number): boolean {
  return index === 0 && /^\s*([,:—–-]|\d)/u.test(line.slice(length));
}

function sentenceEnd(doc: Segmented, at: number): number {
  const s: Span | undefined = doc.sentences.find((x) => x.start <= at && at < x.end);
  return s ? s.end : at;
}

/** A stock ticker ("NYSE: BRK") or a postal code before a ZIP code ("Salem, OR 97301"). */
function isCodeOrTicker(line: string, index: number, length: number): boolean {
  return (
    /\b[\p{Lu}]{2,8}:\s*$/u.test(line.slice(0, index)) ||
    /^:\s*[\p{Lu}.]{1,6}\)/u.test(line.slice(index + length)) ||
    (length === 2 && /^\s+\d{5}\b/u.test(line.slice(index + length)))
  );
}

/** Spelled out up to the end of the sentence of its first use: in parentheses, or as a run of
 * capitalised words whose initials spell it ("National Transportation Safety Board … NTSB"). */
function definedBy(text: string, word: string, until: number): boolean {
  const head = text.slice(0, until);
  const esc = word.replace(/[&]/g, '\\$&');
  if (new RegExp(`\\(${esc}s?\\)|\\b${esc}s?\\s*\\(\\p{Lu}`, 'u').test(head)) return true;
  const letters = [...word.replace(/[^\p{Lu}]/gu, '')];
  const words = letters
    .map((l) => `${l}[\\p{L}'’]*`)
    .join(`[\\s-]+(?:(?:of|and|for|the|on|&)\\s+)*`);
  return letters.length > 1 && new RegExp(`\\b${words}\\b`, 'u').test(head);
}
