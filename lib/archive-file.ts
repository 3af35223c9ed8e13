// The archive of prior releases as one JSON file (export and import in the options page), and
// the small helpers that name and date a release. Plain data and zod only: the extension's
// background and the options page share it.
import { z } from 'zod';

import { segment } from './text/segment';

export const ARCHIVE_ORIGINS = ['paste', 'file', 'page', 'draft', 'import'] as const;

/** "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", the form the CLI's `date:` header line uses. */
const DateText = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2})?$/, 'a date is written YYYY-MM-DD HH:MM');

export const ReleaseInputSchema = z.object({
  text: z.string().trim().min(1, 'a release needs its text').max(200_000),
  source: z.string().trim().min(1).max(200).optional(),
  date: DateText.optional(),
  matter: z.string().trim().max(200).optional(),
  url: z.string().max(2048).optional(),
});
export type ReleaseInput = z.infer<typeof ReleaseInputSchema>;

export const ArchiveFileSchema = z.object({
  lectern: z.literal('archive'),
  version: z.literal(1),
  releases: z.array(
    ReleaseInputSchema.extend({
      origin: z.enum(ARCHIVE_ORIGINS).optional(),
      addedAt: z.number().optional(),
    }),
  ),
});
export type ArchiveFile = z.infer<typeof ArchiveFileSchema>;

/** Parses an archive file; the error names the field, as vocabulary and rule-pack errors do. */
export function parseArchiveFile(json: unknown): ArchiveFile {
  const r = ArchiveFileSchema.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new Error(`archive ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

const DATE_LINE = /^date:\s*(\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2})?)\s*$/im;
const NAME_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[-_T ]?(\d{2})[:-]?(\d{2}))?/;

/**
 * When a release was issued: a `date:` first line or front-matter line, else a file name that
 * starts with the date. Shared by the CLI's `--archive DIR` and the options page's import.
 */
export function releaseDate(text: string, fileName = ''): string | undefined {
  const head = text.startsWith('---')
    ? text.slice(0, text.indexOf('\n---', 3) + 1)
    : text.split('\n', 1)[0];
  const header = DATE_LINE.exec(head ?? '');
  if (header) return plausible(header[1].replace('T', ' '));
  const m = NAME_DATE.exec(fileName);
  if (!m) return undefined;
  return plausible(`${m[1]}-${m[2]}-${m[3]}${m[4] ? ` ${m[4]}:${m[5]}` : ''}`);
}

/** A date that exists ("2025-13-45 99:99" does not), so a typo cannot make a release newest. */
function plausible(date: string): string | undefined {
  const [y, mo, d, h = 0, mi = 0] = date.split(/[- :]/).map(Number);
  const asDate = new Date(Date.UTC(y, mo - 1, d, h, mi));
  const exists =
    asDate.getUTCFullYear() === y && asDate.getUTCMonth() === mo - 1 && asDate.getUTCDate() === d;
  return exists && h < 24 && mi < 60 ? date : undefined;
}

/** Letterhead lines that name every release of an issuer alike, so never its title. */
const LABEL_LINE =
  /^(?:date:|---|for immediate release|news release|press release|media(?: contact)?:|contact:|#{3}$|-30-$)/i;
/** The first line of the body: a dateline ("TAMSFORD, Ore. —") or a long paragraph. */
const BODY_LINE = /^[A-Z][A-Z .'’-]+,(?: [A-Z][A-Za-z.]*)* [—–-]|^.{160,}/;

/**
 * A short name for a release: its headline, the last line before the body that is not a
 * letterhead label; else its first line. Clipped to 80 characters.
 */
export function releaseTitle(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !LABEL_LINE.test(l));
  const body = lines.findIndex((l) => BODY_LINE.test(l));
  const line = (body > 0 ? lines[body - 1] : lines[0]) ?? 'Release';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** `wanted`, or `wanted (2)`, `wanted (3)`…: findings name releases by source, so it is unique. */
export function uniqueSource(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let i = 2; taken.has(name); i++) name = `${wanted} (${i})`;
  taken.add(name);
  return name;
}

/** Local wall-clock time as "YYYY-MM-DD HH:MM", the archive's date form. */
export function stampOf(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The fact index's issue time (minutes since the epoch, release-local clock) as a date. */
export function stampOfMinutes(minutes: number): string {
  const d = new Date(minutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * The sentences a contradiction sits in, on both sides; the background adds them to
 * inconsistency findings (`finding.sentences`) so the panel can show them side by side.
 */
export interface SideBySide {
  draft: string;
  related?: string;
}

/**
 * The sentence around a span (the engine's own segmentation, so "Ore." does not end one), for
 * showing an excerpt in its context; the span alone when the sentence is very long.
 */
export function sentenceAround(text: string, start: number, end: number, max = 400): string {
  const s = segment(text).sentences.find((x) => x.start <= start && end <= x.end);
  if (!s || s.text.length > max) return text.slice(start, end);
  return s.text.trim();
}
