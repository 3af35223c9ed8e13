// Regular-expression helpers shared by the kinds. Rule authors write plain sources; they are
// compiled once per rule, case-insensitive and Unicode-aware.
import type { Segmented, Sentence } from '../text/segment';

// One cache per flag set, keyed by the source string itself: rule sources are long, and a
// concatenated key would be re-hashed on every call (it showed as a tenth of review time).
const caches = new Map<string, Map<string, RegExp>>();

export function compile(source: string, global = false, caseSensitive = false): RegExp {
  const flags = `${global ? 'g' : ''}${caseSensitive ? '' : 'i'}${needsUnicode(source) ? 'u' : ''}`;
  let cache = caches.get(flags);
  if (!cache) {
    cache = new Map();
    caches.set(flags, cache);
  }
  let re = cache.get(source);
  if (!re) {
    re = new RegExp(source, flags);
    cache.set(source, re);
  }
  re.lastIndex = 0;
  return re;
}

// V8 runs case-insensitive patterns about five times faster without the u flag. Without it,
// \w, \b and letters mean the same for these sources; only \p{…}, \u{…} and characters
// beyond the BMP need it, so only those sources get it.
const UNICODE_ONLY = /\\[pPu]\{|[\u{10000}-\u{10FFFF}]/u;
const unicodeNeed = new Map<string, boolean>();

function needsUnicode(source: string): boolean {
  let need = unicodeNeed.get(source);
  if (need === undefined) {
    need = UNICODE_ONLY.test(source);
    unicodeNeed.set(source, need);
  }
  return need;
}

export function anyMatch(sources: readonly string[] | undefined, text: string): boolean {
  return (sources ?? []).some((s) => compile(s).test(text));
}

export function* matchAll(
  source: string,
  text: string,
  caseSensitive = false,
): Generator<{ start: number; end: number }> {
  const re = compile(source, true, caseSensitive);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const lead = m.groups?.hit !== undefined ? m[0].indexOf(m.groups.hit) : 0;
    const len = m.groups?.hit !== undefined ? m.groups.hit.length : m[0].length;
    yield { start: m.index + lead, end: m.index + lead + len };
  }
}

/** The sentence and `radius` neighbours on each side within the same paragraph, as one string. */
export function windowText(
  doc: Segmented,
  s: Sentence,
  radius: number,
  sameParagraph = true,
): string {
  if (radius === 0) return s.text;

  const parts: string[] = [];
  for (let i = s.index - radius; i <= s.index + radius; i++) {
    const n = doc.sentences[i];
    if (n && (!sameParagraph || n.paragraph === s.paragraph)) parts.push(n.text);
  }
  return parts.join(' ');
}

/** Trims whitespace and closing punctuation from a span so excerpts read cleanly. */
export function tidy(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:]/.test(text[s])) s++;
  while (e > s && /[\s,;:.]/.test(text[e - 1])) e--;
  return { start: s, end: e };
}
