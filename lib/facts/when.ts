// Clock times, days and release dates. Releases anchor everything to their own issue time
// ("Tuesday" in a Wednesday release is the day before), so every relative day is resolved
// against the release's date. Stamps are minutes since the epoch on the issuer's local clock.
import { UNBOUNDED, type Interval } from './types';

/** "2:15 a.m.", "8 PM", "noon"; 24-hour times only when unambiguous ("14:30", "0730 hours"). */
export const CLOCK = String.raw`(?:\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|noon|midnight|\b(?:(?:[01]\d|2[0-3])[0-5]\d|(?:[01]?\d|2[0-3]):[0-5]\d)\s?(?:hours|hrs)\b|(?:1[3-9]|2[0-3]):[0-5]\d\b(?!\s?[ap]\.?m))`;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const MONTH = String.raw`(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;
export const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A day as releases name it: "Tuesday", "Oct. 9", "Oct. 9, 2025", "this morning". */
export const DAY = String.raw`(?:${WEEKDAY}|${MONTH} \d{1,2}(?:, \d{4})?|today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night|overnight)`;

/** Minutes after midnight for "2:15 a.m.", "noon", "8 p.m.". */
export function parseClock(raw: string): number | undefined {
  const s = raw.toLowerCase().trim();
  if (s === 'noon') return 720;
  if (s === 'midnight') return 0;
  const h24 = /^(\d{1,2}):?(\d{2})(?:\s?(?:hours|hrs))?$/.exec(s);
  if (h24)
    return Number(h24[1]) < 24 && Number(h24[2]) < 60
      ? Number(h24[1]) * 60 + Number(h24[2])
      : undefined;
  const m = /^(\d{1,2})(?::(\d{2}))?\s?(a\.?m\.?|p\.?m\.?)/.exec(s);
  if (!m) return undefined;
  const h = Number(m[1]) % 12;
  const min = Number(m[2] ?? 0);
  if (h > 12 || min > 59) return undefined;
  return (m[3].startsWith('p') ? h + 12 : h) * 60 + min;
}

/** The minutes a qualified clock time allows: "about 2:15" is 2:05–2:25. */
export function clockInterval(minutes: number, qualifier: string | undefined): Interval {
  const q = (qualifier ?? '').toLowerCase();
  if (/shortly after|just after|soon after/.test(q)) return { lo: minutes, hi: minutes + 15 };
  if (/shortly before|just before/.test(q)) return { lo: minutes - 15, hi: minutes };
  if (/about|around|approximately|roughly|nearly|almost/.test(q)) {
    return { lo: minutes - 10, hi: minutes + 10 };
  }
  if (/after/.test(q)) return { lo: minutes, hi: minutes + 180 };
  if (/before|by|until/.test(q)) return { lo: minutes - 600, hi: minutes };
  return { lo: minutes, hi: minutes };
}

export function dayNumber(year: number, month: number, date: number): number {
  return Math.floor(Date.UTC(year, month, date) / 86_400_000);
}

export function monthIndex(raw: string): number {
  return MONTHS.indexOf(raw.slice(0, 3).toLowerCase());
}

export type Direction = 'past' | 'future';

/**
 * The day a day expression names, seen from the release's day. Events are in the past
 * ("Tuesday" is the latest Tuesday on or before the release); promises are in the future.
 */
export function resolveDay(raw: string, ref: number, direction: Direction): number | undefined {
  const s = raw.toLowerCase();
  if (/^(today|tonight|this )/.test(s)) return ref;
  if (/^(yesterday|last night)/.test(s)) return ref - 1;
  if (/^overnight/.test(s)) return direction === 'past' ? ref : ref + 1;
  if (/^tomorrow/.test(s)) return ref + 1;
  const wd = WEEKDAYS.indexOf(s.split(/[\s,']/)[0]);
  if (wd >= 0) return weekdayFrom(wd, ref, direction);
  const m = new RegExp(`^(${MONTH}) (\\d{1,2})(?:, (\\d{4}))?`, 'i').exec(raw);
  if (m) return calendarDay(monthIndex(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined, ref);
  return undefined;
}

function weekdayFrom(wd: number, ref: number, direction: Direction): number {
  const refWd = (ref + 4) % 7; // 1970-01-01 was a Thursday
  const back = (refWd - wd + 7) % 7;
  return direction === 'past' ? ref - back : ref + ((wd - refWd + 7) % 7);
}

/** A month and day without a year belong to the year that puts them nearest the release. */
function calendarDay(month: number, date: number, year: number | undefined, ref: number): number {
  if (year !== undefined) return dayNumber(year, month, date);
  const refYear = new Date(ref * 86_400_000).getUTCFullYear();
  const candidates = [refYear - 1, refYear, refYear + 1].map((y) => dayNumber(y, month, date));
  return candidates.reduce((best, d) => (Math.abs(d - ref) < Math.abs(best - ref) ? d : best));
}

const HEADER = /^date:\s*(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/i;
const FULL_DATE = new RegExp(`(${MONTH}) (\\d{1,2}), (\\d{4})`, 'i');
const ZH_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2})[时:：](\d{2})?)?/;

export interface Issued {
  stamp: number;
  /** Where the text says it: the header, release line or dateline. */
  start: number;
  end: number;
}

/**
 * When a release was issued: its `date:` header, else the release line or dateline near the
 * top ("FOR IMMEDIATE RELEASE — 6 p.m., Friday, March 14, 2025"; "LARKHAVEN, Colo., Dec. 9,
 * 2025 —"), else a Chinese date line anywhere.
 */
export function findIssued(text: string): Issued | undefined {
  const header = HEADER.exec(text);
  if (header)
    return {
      stamp: headerStamp(header),
      start: header.index,
      end: header.index + header[0].length,
    };

  let offset = 0;
  for (const line of text.slice(0, 1200).split('\n')) {
    const found = lineDate(line, offset);
    if (found) return found;
    offset += line.length + 1;
  }
  const zh = ZH_DATE.exec(text);
  if (!zh) return undefined;
  const day = dayNumber(Number(zh[1]), Number(zh[2]) - 1, Number(zh[3]));
  const minutes = zh[4] ? Number(zh[4]) * 60 + Number(zh[5] ?? 0) : 720;
  return { stamp: day * 1440 + minutes, start: zh.index, end: zh.index + zh[0].length };
}

/** "03/14/2025" (US order) and "2025-03-14" on a release line. */
const NUMERIC_DATE = /\b(?:(\d{1,2})\/(\d{1,2})\/(\d{4})|(\d{4})-(\d{2})-(\d{2}))\b/;

interface DateMatch {
  day: number;
  index: number;
  length: number;
}

function dateIn(line: string): DateMatch | undefined {
  const full = FULL_DATE.exec(line);
  if (full) {
    const day = dayNumber(Number(full[3]), monthIndex(full[1]), Number(full[2]));
    return { day, index: full.index, length: full[0].length };
  }
  const n = NUMERIC_DATE.exec(line);
  if (!n) return undefined;
  const [y, m, d] = n[3] ? [n[3], n[1], n[2]] : [n[4], n[5], n[6]];
  if (Number(m) < 1 || Number(m) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
  return {
    day: dayNumber(Number(y), Number(m) - 1, Number(d)),
    index: n.index,
    length: n[0].length,
  };
}

function lineDate(line: string, offset: number): Issued | undefined {
  const date = dateIn(line);
  if (!date) return undefined;
  const clock = new RegExp(CLOCK, 'i').exec(line);
  const minutes = clock ? parseClock(clock[0]) : undefined;
  const start = offset + Math.min(date.index, clock?.index ?? date.index);
  const end =
    offset + Math.max(date.index + date.length, clock ? clock.index + clock[0].length : 0);
  return { stamp: date.day * 1440 + (minutes ?? 720), start, end };
}

export function issuedAt(text: string): number | undefined {
  return findIssued(text)?.stamp;
}

/** A `date:` value ("2025-05-06 13:30") as a stamp. */
export function parseDateValue(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const m = HEADER.exec(`date: ${value.trim()}`);
  return m ? headerStamp(m) : undefined;
}

function headerStamp(m: RegExpExecArray): number {
  const day = dayNumber(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return day * 1440 + (m[4] ? Number(m[4]) * 60 + Number(m[5]) : 720);
}

export function formatStamp(stamp: number): string {
  const d = new Date(stamp * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function isUnbounded(i: Interval): boolean {
  return i.hi >= UNBOUNDED;
}
