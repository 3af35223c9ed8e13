// Sentence and paragraph segmentation that keeps exact offsets into the text as read, so that
// every finding satisfies text.slice(start, end) === excerpt. Plain regular expressions rather
// than compromise: segmentation runs on every review and the tagger is the expensive part.

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
}

export interface Segmented {
  paragraphs: Span[];
  sentences: Sentence[];
}

// Abbreviations after which a period does not end a sentence (titles, states, streets,
// months, Latin). Press releases are dense with them: "Sgt. Ana Ruiz", "Salem, Ore.", "Jan. 7".
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st sgt lt capt cpt col gen maj cmdr adm gov sen rep rev fr hon pres supt ' +
    'det insp cpl pvt dept no nos vol inc co corp ltd llc bros ave rd blvd hwy mt ft ste apt bldg ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb ' +
    'nev okla ore pa tenn tex va vt wash wis wyo etc vs approx est fig e.g i.e u.s u.k d.c a.m p.m'
  ).split(' '),
);

const CONTINUATION =
  /^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|^(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|UTC|GMT)\b/i;

/** Splits a block of text (one paragraph) into sentence spans. */
function splitSentences(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  const re = /[.!?。！？]+["'”’)\]]*(?=\s|$)|[。！？]+["'”’)\]]*/g;
  re.lastIndex = from;
  let start = from;
  const block = text.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(block)) !== null) {
    const end = m.index + m[0].length;
    if (!isBoundary(block, m.index, end)) continue;
    pushTrimmed(spans, text, start, end);
    start = end;
  }
  pushTrimmed(spans, text, start, to);
  return spans;
}

function isBoundary(text: string, dot: number, end: number): boolean {
  const mark = text[dot];
  if (mark !== '.') return true;

  const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  const next = text.slice(end).trimStart();
  if (next === '') return true;

  const lower = word.toLowerCase().replace(/^\.+/, '');
  if (/^[A-Z]$/.test(word)) return false; // an initial: "John F. Kennedy"
  if (lower === 'a.m' || lower === 'p.m') return !CONTINUATION.test(next) && /^[A-Z"“]/.test(next);
  if (ABBREVIATIONS.has(lower)) return false;
  if (/^[a-z]/.test(next)) return false;

  return true;
}

function pushTrimmed(out: Span[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
}

/** Paragraphs are lines: a headline, a dateline and each body paragraph stand alone. */
export function segment(text: string): Segmented {
  const paragraphs: Span[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    pushTrimmed(paragraphs, text, m.index, m.index + m[0].length);
  }

  const sentences: Sentence[] = [];
  paragraphs.forEach((p, paragraph) => {
    for (const s of splitSentences(text, p.start, p.end)) {
      sentences.push({ ...s, index: sentences.length, paragraph });
    }
  });
  return { paragraphs, sentences };
}

export function countWords(text: string): number {
  const latin = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const han = text.match(/\p{Script=Han}/gu) ?? [];
  return latin.length - countHanRuns(text) + han.length;
}

function countHanRuns(text: string): number {
  return (text.match(/\p{Script=Han}[\p{Script=Han}\p{N}]*/gu) ?? []).length;
}
