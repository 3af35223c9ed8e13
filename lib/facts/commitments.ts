// Commitments with deadlines: "the coroner expects to complete the autopsy report within six
// weeks", "Dock Street is expected to reopen by 8 a.m. Sunday", "Next update at 6 p.m.". The
// deadline is resolved forward from the release's own date, so only a promise whose date has
// passed when a later release (or the draft itself) is issued can be missed.
import type { SentenceInput } from './counts';
import { NUMBER, parseNumber } from './numbers';
import type { CommitmentFact } from './types';
import { CLOCK, DAY, parseClock, resolveDay, WEEKDAY } from './when';

const FUTURE =
  /\b(?:will|expects? to|expected to|plans? to|is due to|are due to|aims? to|intends? to|should|next update|next briefing|update (?:at|by|on))\b/i;

const DEADLINE = new RegExp(
  [
    String.raw`\b(?<prep>by|before|on|at|no later than|until)\s+(?:(?:late|early)\s+)?(?<clock>${CLOCK})(?:,?\s+(?:on\s+)?(?<day1>${DAY}))?`,
    String.raw`\b(?<prep2>by|before|on|no later than|until)\s+(?<part>late|early)?\s*(?<day2>${DAY})(?:,?\s+at\s+(?<clock2>${CLOCK}))?`,
    String.raw`\bwithin\s+(?<n>${NUMBER})\s+(?<unit>hours?|days?|weeks?|months?)`,
    String.raw`\b(?:by\s+)?(?:the\s+)?end of\s+(?<which>this|next)\s+week`,
    String.raw`\b(?<nextweek>(?<early>early|late)?\s*next week)`,
  ].join('|'),
  'i',
);

const ROUTINE =
  /\b(?:next update|next briefing|further (?:information|updates?|details)|more information|update (?:at|by|on)|updates? will be|share more|provide (?:more|further)|post (?:further )?updates?)\b/i;

const STOP = new Set(
  (
    'will expects expect expected plans plan should the a an and or of to for by on at in before ' +
    'within until next this that with from our their its his her we they it is are be been once ' +
    'when about into after than more most some all any each other week weeks days day hours hour ' +
    'late early end no later update information share provide give'
  ).split(' '),
);

export function extractCommitments(s: SentenceInput, issued: number | undefined): CommitmentFact[] {
  if (issued === undefined || !FUTURE.test(s.text)) return [];
  const m = DEADLINE.exec(s.text);
  if (!m?.groups) return [];
  // The promise and its deadline share a clause: "people recover within three days; … should".
  if (!FUTURE.test(s.text.slice(0, m.index).split(/;/).pop() ?? '')) return [];
  const deadline = deadlineOf(m.groups, issued);
  if (deadline === undefined) return [];

  const action = s.text.slice(0, m.index).trim();
  return [
    {
      kind: 'commitment',
      key: 'commitment',
      action,
      terms: termsOf(action),
      deadline,
      routine: ROUTINE.test(s.text),
      start: s.start + m.index,
      end: s.start + m.index + m[0].length,
      sentence: s.index,
    },
  ];
}

function deadlineOf(g: Record<string, string | undefined>, issued: number): number | undefined {
  const today = Math.floor(issued / 1440);
  if (g.n && g.unit) return withinDeadline(g.n, g.unit, issued);
  if (g.which) return endOfWeek(today, g.which === 'next' ? 1 : 0);
  if (g.nextweek) {
    return endOfWeek(today, 1) - (g.early?.toLowerCase() === 'early' ? 4 * 1440 : 0);
  }
  const clockText = g.clock ?? g.clock2;
  const dayText = g.day1 ?? g.day2;
  const clock = clockText ? parseClock(clockText) : undefined;
  if (dayText) {
    const day = resolveDay(dayText, today, 'future');
    if (day === undefined) return undefined;
    return day * 1440 + (clock ?? 1439);
  }
  if (clock === undefined) return undefined;
  // A bare clock time is the next one after the release: "Next update at 6 p.m."
  const sameDay = today * 1440 + clock;
  return sameDay >= issued ? sameDay : sameDay + 1440;
}

function withinDeadline(n: string, unit: string, issued: number): number | undefined {
  const count = parseNumber(n);
  if (count === undefined) return undefined;
  const minutes = /hour/i.test(unit)
    ? 60
    : /day/i.test(unit)
      ? 1440
      : /week/i.test(unit)
        ? 10_080
        : 43_200;
  return issued + count * minutes;
}

/** The last minute of this or next week (weeks end on Sunday). */
function endOfWeek(today: number, weeksAhead: number): number {
  const weekday = (today + 4) % 7;
  const toSunday = (7 - weekday) % 7;
  return (today + toSunday + 7 * weeksAhead) * 1440 + 1439;
}

export function termsOf(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z][a-z'-]{2,}/g) ?? [];
  return [
    ...new Set(words.filter((w) => !STOP.has(w) && !new RegExp(`^${WEEKDAY}$`, 'i').test(w))),
  ];
}
