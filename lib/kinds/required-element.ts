// An element a release of this type must contain (RISK-GUIDE §2.15). The finding points at no
// text (start === end); where the draft offers only a vague stand-in ("in due course"), the
// finding points at that stand-in instead, so the writer sees what to replace.
//
// Presence is decided on a masked copy of the draft: vague stand-ins and ignored sentences
// (say, the media contact line when looking for a public hotline) are blanked out with spaces,
// so offsets stay true and a stand-in can never count as the element itself.
import { z } from 'zod';

import { CONTEXT_FLAGS, RELEASE_TYPES, SEVERITIES, type ReviewContext } from '../engine/types';
import type { Segmented } from '../text/segment';
import { tidy } from './patterns';
import { defineKind, type Hit } from './kind';

/**
 * Building blocks that rules write as {NAME} inside their patterns, so that every rule means
 * the same thing by a time, a date or a phone number. Each expands to a non-capturing group.
 */
const MACROS: Record<string, string> = {
  MONTH:
    '(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|' +
    'aug(?:ust|\\.)?|sep(?:t(?:ember|\\.)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)',
  WEEKDAY: '(?:\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b)',
  TIME:
    '(?:\\b\\d{1,2}(?:[:.][0-5]\\d)?\\s*(?:a\\.?\\s?m\\b\\.?|p\\.?\\s?m\\b\\.?)|\\bnoon\\b|\\bmidnight\\b|' +
    '\\b(?:[01]?\\d|2[0-3]):[0-5]\\d\\b|\\b[0-2]\\d[0-5]\\d\\s*(?:hrs|hours)\\b)',
  PHONE:
    '(?:(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\b\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}\\b|' +
    '\\b\\d{3}-\\d{4}\\b|\\b0\\d{3,4}\\s?\\d{3}\\s?\\d{3,4}\\b|\\b1-?8\\d\\d-?[A-Z0-9]{3}-?[A-Z0-9]{4}\\b)',
  EMAIL: '(?:[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)',
  URL:
    '(?:(?:https?:\\/\\/|www\\.)[^\\s]+|\\b[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.' +
    '(?:gov|org|com|net|edu|us|uk|ca|au|nz|info|io|mil|int|ie|cn)(?:\\.[a-z]{2})?\\b(?:\\/[^\\s]*)?)',
  /** One character that does not end a sentence: "example.gov" and "Capt. Ruiz" stay inside. */
  S:
    '(?:[^.!?\\n]|[.!?](?=[^\\s])|(?<=\\b(?:capt|lt|sgt|det|insp|cpl|col|gen|maj|gov|sen|rep|dr|mr|ms|mrs|' +
    'prof|st|ave|rd|blvd|no|inc|co|corp|ltd|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|ore|wash|calif|' +
    'colo|fla|mass|minn|pa|va|tex|ariz|[a-z]))\\.)',
  /** The start of a line, after any indentation or list bullet. */
  LINE: '(?:^|\\n)[^\\S\\n]*(?:(?:[-•*–]|\\d{1,2}[.)])[^\\S\\n]+)?',
};
MACROS.DATE =
  `(?:\\b${MACROS.MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?!:\\d)|` +
  `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MACROS.MONTH}(?![a-z])|` +
  '\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b)';

/** A point in time a release can promise: a clock time, a day, a date, "within two hours". */
MACROS.WHEN =
  `(?:${MACROS.TIME}|${MACROS.WEEKDAY}|${MACROS.DATE}|\\btomorrow\\b|\\btonight\\b|` +
  '\\bthis\\s+(?:morning|afternoon|evening)\\b|' +
  '\\bwithin\\s+(?:the\\s+next\\s+)?(?:\\d+|an?|one|two|three)\\s+(?:hours?|minutes|days)\\b|' +
  '\\bin\\s+(?:\\d+|an?|one|two)\\s+(?:hours?|minutes)\\b|' +
  '\\bend\\s+of\\s+(?:the\\s+)?(?:day|week)\\b|\\bnext\\s+week\\b)';

export function expandMacros(source: string): string {
  return source.replace(/\{([A-Z]+)\}/g, (whole, name: string) => MACROS[name] ?? whole);
}

/** A leading "(?-i)" makes a pattern case-sensitive: "END", a CITY in a dateline, a Name. */
const CASE_SENSITIVE = '(?-i)';

function toRegExp(source: string): RegExp {
  const exact = source.startsWith(CASE_SENSITIVE);
  const body = expandMacros(exact ? source.slice(CASE_SENSITIVE.length) : source);
  return new RegExp(body, exact ? 'gu' : 'giu');
}

// Compiled here rather than in patterns.ts because of the macros and the case-sensitive marker;
// a bad pattern is a zod issue, so the loader names the rule and the field.
const Pattern = z
  .string()
  .min(1)
  .transform((source, ctx) => {
    try {
      return toRegExp(source);
    } catch (e) {
      ctx.addIssue({
        code: 'custom',
        message: `invalid regular expression (${(e as Error).message})`,
      });
      return z.NEVER;
    }
  });
const Patterns = z.array(Pattern);
const SeverityByType = z.partialRecord(z.enum(RELEASE_TYPES), z.enum(SEVERITIES));

/** A release type (any of `types`) that also carries a flag (any of `anyFlags`); omit either. */
const Condition = z.object({
  types: z.array(z.enum(RELEASE_TYPES)).optional(),
  anyFlags: z.array(z.enum(CONTEXT_FLAGS)).optional(),
});
type Condition = z.infer<typeof Condition>;

const Params = z.object({
  /** Any of these, found in the searched region, means the element is present. */
  present: Patterns.min(1),
  /** Every one of these groups must also be found (e.g. an issuer AND a phone or email). */
  alsoRequired: z.array(Patterns.min(1)).default([]),
  /** Where to look: the whole draft, its first or last `headChars`, or the body (from the lead). */
  region: z.enum(['all', 'head', 'tail', 'body']).default('all'),
  headChars: z.number().int().positive().default(400),
  /** Sentences matching any of these are not searched (a media-only phone is no hotline). */
  ignore: Patterns.default([]),
  /** Also skip the short lines that run on from an ignored short line: a contact block. */
  ignoreBlocks: z.boolean().default(false),
  /** Phrases that stand in for the element without providing it. */
  vague: Patterns.default([]),
  vagueMessage: z.string().min(1).optional(),
  /** The element is required when any condition holds; none given means every release. */
  requiredFor: z.array(Condition).default([]),
  /** ...and only when the draft matches one of these (e.g. a public risk exists). */
  onlyIfDocument: Patterns.default([]),
  /** Severity per release type; types not listed use the rule's own severity. */
  severityByType: SeverityByType.default({}),
  /**
   * A further requirement in some contexts, reported as its own, usually lighter, finding
   * when the element is there but falls short (a crisis release dated but without a time).
   */
  stricter: z
    .array(
      z.object({
        requiredFor: z.array(Condition).default([]),
        groups: z.array(Patterns.min(1)).min(1),
        message: z.string().min(1),
        severityByType: SeverityByType.default({}),
      }),
    )
    .default([]),
  /** Where the zero-width finding sits: the top, the lead paragraph, or the end. */
  anchor: z.enum(['start', 'lead', 'end']).optional(),
});
type Params = z.infer<typeof Params>;

export const requiredElement = defineKind({
  name: 'required-element',
  params: Params,
  run(_rule, p, { text, doc, context }) {
    if (!holds(p.requiredFor, context)) return [];
    if (p.onlyIfDocument.length > 0 && !anyMatch(p.onlyIfDocument, text)) return [];

    const stand = firstVague(p.vague, text);
    const region = regionOf(p, mask(text, doc, p), doc);
    const present = anyMatch(p.present, region) && p.alsoRequired.every((g) => anyMatch(g, region));
    if (!present) return [missing(p, text, doc, context, stand)];

    const short = p.stricter.find(
      (s) => holds(s.requiredFor, context) && !s.groups.every((g) => anyMatch(g, region)),
    );
    if (!short) return [];
    const at = anchorOf(p, text, doc);
    return [
      { start: at, end: at, severity: short.severityByType[context.type], message: short.message },
    ];
  },
});

function holds(conditions: Condition[], context: ReviewContext): boolean {
  if (conditions.length === 0) return true;
  return conditions.some(
    (c) =>
      (!c.types || c.types.includes(context.type)) &&
      (!c.anyFlags || c.anyFlags.some((f) => context.flags.includes(f))),
  );
}

function missing(
  p: Params,
  text: string,
  doc: Segmented,
  context: ReviewContext,
  stand: Span | undefined,
): Hit {
  const severity = p.severityByType[context.type];
  if (stand) return { ...tidy(text, stand.start, stand.end), severity, message: p.vagueMessage };

  const at = anchorOf(p, text, doc);
  return { start: at, end: at, severity };
}

interface Span {
  start: number;
  end: number;
}

function anyMatch(patterns: RegExp[], text: string): boolean {
  return patterns.some((re) => {
    re.lastIndex = 0;
    return re.test(text);
  });
}

function allMatches(re: RegExp, text: string): Span[] {
  return [...text.matchAll(re)]
    .filter((m) => m[0].length > 0)
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The earliest stand-in in the draft, whichever pattern finds it. */
function firstVague(patterns: RegExp[], text: string): Span | undefined {
  const all = patterns.flatMap((re) => allMatches(re, text));
  return all.sort((a, b) => a.start - b.start)[0];
}

function mask(text: string, doc: Segmented, p: Params): string {
  const spans: Span[] = [];
  for (const re of p.vague) spans.push(...allMatches(re, text));
  if (p.ignore.length > 0) spans.push(...doc.sentences.filter((s) => anyMatch(p.ignore, s.text)));
  if (p.ignoreBlocks) spans.push(...blockLines(text, doc, p.ignore));
  if (spans.length === 0) return text;

  const chars = text.split('');
  for (const s of spans) chars.fill(' ', s.start, s.end);
  return chars.join('');
}

const SHORT_LINE = 80;

/** Lines such as a name, a phone, an email that follow an ignored label line with no gap. */
function blockLines(text: string, doc: Segmented, ignore: RegExp[]): Span[] {
  const out: Span[] = [];
  let inBlock = false;
  doc.paragraphs.forEach((para, i) => {
    const short = para.text.length <= SHORT_LINE;
    const joined = i > 0 && !/\n[^\S\n]*\n/.test(text.slice(doc.paragraphs[i - 1].end, para.start));
    if (inBlock && short && joined) out.push(para);
    else inBlock = false;
    if (short && anyMatch(ignore, para.text)) inBlock = true;
  });
  return out;
}

function regionOf(p: Params, masked: string, doc: Segmented): string {
  if (p.region === 'head') return masked.slice(0, p.headChars);
  if (p.region === 'tail') return masked.slice(-p.headChars);
  if (p.region === 'body') return masked.slice(leadStart(doc));
  return masked;
}

function anchorOf(p: Params, text: string, doc: Segmented): number {
  const anchor = p.anchor ?? (p.region === 'tail' ? 'end' : 'start');
  if (anchor === 'end') return text.trimEnd().length;
  if (anchor === 'lead') return leadStart(doc);
  return 0;
}

/**
 * Where the body begins: the first paragraph that reads like prose (two sentences, or twenty
 * words). Everything above it is the release's header: issuer, release line, contact block,
 * headline.
 */
export function leadStart(doc: Segmented): number {
  const lead = doc.paragraphs.find((para) => {
    const sentences = doc.sentences.filter((s) => s.start >= para.start && s.end <= para.end);
    return sentences.length >= 2 || para.text.split(/\s+/).length >= 20;
  });
  return lead?.start ?? 0;
}
