// Numbers as releases write them ("Fourteen", "fifty-two", "a dozen", "1,200", "3.2 million")
// and the ranges their qualifiers allow ("about", "at least", "up to"), so that "5 homes" and
// "five homes" are one fact and "about 1,200 gallons" and "an estimated 4,500 liters" are one
// quantity.
import { UNBOUNDED, type Interval } from './types';

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  twentieth: 20,
};

const SMALL_RE = Object.keys(SMALL)
  .sort((a, b) => b.length - a.length)
  .join('|');
const TENS_RE = Object.keys(TENS).join('|');
const WORD = `(?:(?:${TENS_RE})(?:[- ](?:${SMALL_RE}))?|${SMALL_RE})`;
const WORDS = `(?:${WORD}(?:[- ](?:hundred|thousand|million)(?:[- ](?:and[- ])?${WORD})?)?|(?:half )?a dozen|a hundred|dozen)`;
const FIGURE = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s(?:million|billion|thousand))?`;

/** A number in words or figures, as a regular-expression source (no capture groups). */
export const NUMBER = `(?:${FIGURE}|\\b${WORDS}\\b)`;

export const ORDINAL = `(?:${Object.keys(ORDINALS).join('|')})`;

/** The value of a number expression matched by NUMBER, or undefined. */
export function parseNumber(raw: string): number | undefined {
  const s = raw.toLowerCase().trim();
  if (/^\d/.test(s)) return parseFigure(s);
  if (s === 'a dozen' || s === 'dozen') return 12;
  if (s === 'half a dozen') return 6;
  if (s === 'a hundred') return 100;
  return parseWords(s.split(/[\s-]+/).filter((w) => w !== 'and'));
}

function parseFigure(s: string): number | undefined {
  const m = /^([\d,]+(?:\.\d+)?)(?:\s(million|billion|thousand))?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1].replace(/,/g, ''));
  return Number.isFinite(n) ? n * (m[2] ? SCALES[m[2]] : 1) : undefined;
}

function parseWords(words: string[]): number | undefined {
  let total = 0;
  let current = 0;
  for (const w of words) {
    if (w in SMALL) current += SMALL[w];
    else if (w in TENS) current += TENS[w];
    else if (w === 'hundred') current = Math.max(current, 1) * 100;
    else if (w in SCALES) {
      total += Math.max(current, 1) * SCALES[w];
      current = 0;
    } else return undefined;
  }
  return total + current;
}

export function parseOrdinal(raw: string): number | undefined {
  return ORDINALS[raw.toLowerCase()];
}

/** Qualifiers that come before a number, longest first. */
export const QUALIFIER =
  '(?:at least|more than|over|upwards of|in excess of|about|around|approximately|roughly|nearly|almost|close to|some|up to|as many as|an estimated|estimated|fewer than|less than|under|at most|no more than|just over|just under)';

/** The range a qualified figure allows. `measured` widens exact figures for unit rounding. */
export function intervalOf(n: number, qualifier: string | undefined, measured = false): Interval {
  const q = (qualifier ?? '').toLowerCase();
  const near = Math.max(1, Math.round(n * 0.1));
  if (/at least|no fewer/.test(q)) return { lo: n, hi: UNBOUNDED };
  if (/more than|over|upwards|in excess|just over/.test(q))
    return { lo: n + (measured ? 0 : 1), hi: UNBOUNDED };
  if (/up to|as many as|at most|no more than/.test(q)) return { lo: 0, hi: n };
  if (/fewer than|less than|under/.test(q)) return { lo: 0, hi: n - (measured ? 0 : 1) };
  if (/nearly|almost|close to/.test(q)) return { lo: n - near, hi: n };
  if (/about|around|approximately|roughly|some|estimated/.test(q)) {
    return measured ? { lo: n * 0.9, hi: n * 1.1 } : { lo: n - near, hi: n + near };
  }
  return measured ? { lo: n * 0.97, hi: n * 1.03 } : { lo: n, hi: n };
}

export function overlap(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

interface Unit {
  measure: 'volume' | 'length' | 'mass' | 'area';
  /** Factor to the measure's base unit: litres, kilometres, kilograms, hectares. */
  factor: number;
}

const UNITS: Record<string, Unit> = {
  gallon: { measure: 'volume', factor: 3.785411784 },
  liter: { measure: 'volume', factor: 1 },
  litre: { measure: 'volume', factor: 1 },
  l: { measure: 'volume', factor: 1 },
  barrel: { measure: 'volume', factor: 158.987295 },
  'cubic meter': { measure: 'volume', factor: 1000 },
  'cubic metre': { measure: 'volume', factor: 1000 },
  mile: { measure: 'length', factor: 1.609344 },
  kilometer: { measure: 'length', factor: 1 },
  kilometre: { measure: 'length', factor: 1 },
  km: { measure: 'length', factor: 1 },
  meter: { measure: 'length', factor: 0.001 },
  metre: { measure: 'length', factor: 0.001 },
  yard: { measure: 'length', factor: 0.0009144 },
  foot: { measure: 'length', factor: 0.0003048 },
  feet: { measure: 'length', factor: 0.0003048 },
  pound: { measure: 'mass', factor: 0.45359237 },
  lb: { measure: 'mass', factor: 0.45359237 },
  kilogram: { measure: 'mass', factor: 1 },
  kg: { measure: 'mass', factor: 1 },
  ton: { measure: 'mass', factor: 907.18474 },
  tonne: { measure: 'mass', factor: 1000 },
  acre: { measure: 'area', factor: 0.40468564 },
  hectare: { measure: 'area', factor: 1 },
};

export const UNIT =
  '(?:gallons?|liters?|litres?|barrels?|cubic met(?:er|re)s?|miles?|kilomet(?:er|re)s?|km|met(?:er|re)s?|yards?|feet|foot|pounds?|lbs?|kilograms?|kg|tons?|tonnes?|acres?|hectares?)';

export function unitOf(raw: string): Unit | undefined {
  const s = raw.toLowerCase();
  return UNITS[s] ?? UNITS[s.replace(/s$/, '')];
}
