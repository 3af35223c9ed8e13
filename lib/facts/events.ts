// Times of events: "the fire started at about 2:15 a.m.", "crews were dispatched at 2:18 a.m.",
// "pronounced dead at 8:52 p.m.". A time of day belongs to the last event verb before it in
// its clause; a time with no event ("Next update at 6 p.m.", "As of 1 p.m.") is not an event
// fact. Event times are immutable: once released, a different time is a contradiction.
import type { SentenceInput } from './counts';
import { frameAt } from './framing';
import type { TimeFact } from './types';
import { CLOCK, clockInterval, DAY, parseClock, resolveDay } from './when';

interface EventVerb {
  event: string;
  re: RegExp;
  /** Events that need a subject to be told apart ("the roof collapsed" vs "the bridge …"). */
  subject?: boolean;
}

const EVENTS: EventVerb[] = [
  {
    event: 'start',
    re: /\b(?:started|broke out|began|erupted|ignited|caught fire)\b(?!\s+(?:work|working|to|searching|their|its|his|her|an?|the)\b)/gi,
    subject: true,
  },
  { event: 'collision', re: /\b(?:collided|crashed)\b/gi },
  { event: 'collapse', re: /\bcollapsed\b/gi, subject: true },
  {
    event: 'break',
    re: /\b(?:broke|ruptured|burst)\b(?!\s+(?:out|into|the|a|an)\b)/gi,
    subject: true,
  },
  { event: 'overturn', re: /\b(?:overturned|rolled over|flipped over)\b/gi, subject: true },
  { event: 'leak', re: /\b(?:leaked|began leaking|escaped)\b/gi, subject: true },
  { event: 'explosion', re: /\b(?:exploded|blew up)\b/gi },
  { event: 'shooting', re: /\b(?:shot|opened fire)\b/gi },
  { event: 'stabbing', re: /\bstabbed\b/gi },
  { event: 'robbery', re: /\b(?:robbed|held up)\b/gi },
  { event: 'incident', re: /\b(?:happened|occurred|took place)\b/gi, subject: true },
  {
    event: 'incident',
    re: /\b(?:collision|crash|explosion|blast|collapse|shooting|stabbing|robbery|derailment|fire) (?:at|happened at|occurred at|took place at)(?=\s+(?:about |around |approximately )?\d)/gi,
    subject: true,
  },
  {
    event: 'incident',
    re: /\btime of the (?:collapse|fire|blaze|crash|collision|explosion|blast|shooting|stabbing|robbery|leak|spill|derailment)\b/gi,
    subject: true,
  },
  {
    event: 'dispatch',
    re: /\b(?:dispatched|(?:were|was) (?:first )?(?:called|sent|alerted|paged|summoned))\b(?! to (?:help|assist))/gi,
  },
  { event: 'first-call', re: /\b(?:911|first|emergency) call\b/gi },
  { event: 'arrival', re: /\b(?:arrived|reached the scene|responded)\b/gi },
  { event: 'reported', re: /\b(?:was|were) (?:first )?reported\b/gi, subject: true },
  {
    event: 'ambulance',
    re: /\b(?:called|requested|summoned) (?:for )?(?:an? )?(?:ambulance|paramedics|medical help|medical aid)\b/gi,
  },
  { event: 'under-control', re: /\b(?:under control|contained)\b/gi },
  {
    event: 'out',
    re: /\b(?:declared\b[^.;]{0,80}?\bout|put\b[^.;]{0,30}?\bout|extinguished)\b/gi,
  },
  { event: 'pronounced-dead', re: /\bpronounced dead\b/gi },
  { event: 'last-seen', re: /\blast seen\b/gi },
  { event: 'reported-missing', re: /\breported (?:\w+ )?missing\b/gi },
  { event: 'arrest', re: /\b(?:was|were) arrested\b/gi },
  {
    event: 'evacuation',
    re: /\b(?:were|was) evacuated\b|\bevacuation (?:order )?was (?:ordered|issued)\b/gi,
  },
];

const SUBJECTS: Record<string, string> = {
  fire: 'fire',
  blaze: 'fire',
  flames: 'fire',
  explosion: 'explosion',
  blast: 'explosion',
  collision: 'collision',
  crash: 'collision',
  shooting: 'shooting',
  stabbing: 'stabbing',
  robbery: 'robbery',
  collapse: 'collapse',
  derailment: 'derailment',
  outbreak: 'outbreak',
  illness: 'outbreak',
  leak: 'leak',
  spill: 'leak',
  bridge: 'bridge',
  footbridge: 'bridge',
  roof: 'roof',
  wall: 'wall',
  ceiling: 'ceiling',
  building: 'building',
  floor: 'floor',
  balcony: 'balcony',
  structure: 'structure',
  main: 'main',
  pipe: 'main',
  pipeline: 'main',
  dam: 'dam',
  levee: 'levee',
  tank: 'tank',
  tanker: 'vehicle',
  truck: 'vehicle',
  bus: 'vehicle',
  train: 'train',
  car: 'vehicle',
  vehicle: 'vehicle',
  gas: 'gas',
  chlorine: 'gas',
  ammonia: 'gas',
  diesel: 'fuel',
  fuel: 'fuel',
  oil: 'fuel',
  crane: 'crane',
  tree: 'tree',
  incident: 'incident',
};
const SUBJECT_RE = new RegExp(`\\b(${Object.keys(SUBJECTS).join('|')})\\b`, 'gi');

const CLOCK_RE = new RegExp(
  String.raw`(?:\b(about|around|approximately|roughly|shortly after|shortly before|just after|just before|soon after|after|before|by|until|since|from|between|and|at|to)\s+)?(${CLOCK})`,
  'gi',
);
const DAY_AFTER = new RegExp(String.raw`^\s*,?\s*(?:on\s+)?(${DAY})`, 'i');
const DAY_BEFORE = new RegExp(String.raw`(${DAY})(?:'s)?\s+(?:\w+\s+){0,2}$`, 'i');
const NOT_EVENT_QUALIFIER = /^(?:since|from|between|and|to|until)$/i;

const GENERIC_PLACE = new Set(
  'the a an of and at on in near under over street road avenue lane trail trailhead area block intersection north south east west end section floor building the'.split(
    ' ',
  ),
);

/** Where a time with no event of its own takes one from: a correction of an earlier time. */
export interface EventMemory {
  last?: TimeFact;
}

export function extractTimes(
  s: SentenceInput,
  issued: number | undefined,
  memory: EventMemory,
): TimeFact[] {
  const out: TimeFact[] = [];
  let windowStart = 0;
  for (const m of s.text.matchAll(CLOCK_RE)) {
    const at = m.index ?? 0;
    const clockAt = at + m[0].length - m[2].length;
    const window = s.text.slice(windowStart, at);
    windowStart = clockAt + m[2].length;
    const fact = timeAt(s, m, clockAt, window, issued, memory);
    if (!fact) continue;
    out.push(fact);
    memory.last = fact;
  }
  if (issued !== undefined) out.push(...eventDays(s, issued, new Set(out.map((f) => f.key))));
  return out;
}

/** Events that happen once, so the day they happened on is a fact worth keeping. */
const DATED = new Set([
  'start',
  'collision',
  'collapse',
  'break',
  'overturn',
  'leak',
  'explosion',
  'shooting',
  'stabbing',
  'robbery',
  'incident',
  'last-seen',
  'pronounced-dead',
]);
const DAY_AFTER_VERB = new RegExp(
  String.raw`^[^,.;:]{0,60}?\b(?:(?:early|late)\s+)?(?:on\s+)?(${DAY})\b`,
  'i',
);
const DAY_BEFORE_NOUN = new RegExp(
  String.raw`\b(${DAY})(?:['’]s)?\s+(?:(?:morning|afternoon|evening|night)(?:['’]s)?\s+)?(collision|crash|fire|blaze|explosion|blast|shooting|stabbing|robbery|collapse|derailment|spill|leak)\b`,
  'gi',
);

/**
 * Days of events written without a clock time: "broke out early Friday", "Tuesday morning's
 * collision". A clock time in the same sentence already carries its day.
 */
function eventDays(s: SentenceInput, issued: number, clocked: Set<string>): TimeFact[] {
  const out: TimeFact[] = [];
  const today = Math.floor(issued / 1440);
  const add = (key: string, dayText: string, at: number) => {
    const day = resolveDay(dayText, today, 'past');
    if (day === undefined || clocked.has(key) || out.some((f) => f.key === key)) return;
    const event = key.slice('time:'.length);
    const frame = frameAt(s.text, at);
    out.push({
      kind: 'time',
      key,
      event,
      at: -1,
      minutes: { lo: 0, hi: 1439 },
      day,
      start: s.start + at,
      end: s.start + at + dayText.length,
      sentence: s.index,
      ...frame,
    });
  };
  for (const verb of EVENTS) {
    if (!DATED.has(verb.event)) continue;
    for (const m of s.text.matchAll(verb.re)) {
      const end = (m.index ?? 0) + m[0].length;
      const day = DAY_AFTER_VERB.exec(s.text.slice(end));
      if (!day || new RegExp(CLOCK, 'i').test(day[0])) continue;
      const before = s.text.slice(0, verb.event === 'incident' ? end : (m.index ?? 0));
      const key = verb.subject ? withSubject(verb.event, before) : verb.event;
      if (key) add(`time:${key}`, day[1], end + day[0].length - day[1].length);
    }
  }
  for (const m of s.text.matchAll(DAY_BEFORE_NOUN)) {
    const key = INCIDENT_KEYS[SUBJECTS[m[2].toLowerCase()]];
    if (key) add(`time:${key}`, m[1], m.index ?? 0);
  }
  return out;
}

function timeAt(
  s: SentenceInput,
  m: RegExpMatchArray,
  clockAt: number,
  window: string,
  issued: number | undefined,
  memory: EventMemory,
): TimeFact | undefined {
  const qualifier = m[1];
  if (qualifier && NOT_EVENT_QUALIFIER.test(qualifier)) return undefined;
  const minutes = parseClock(m[2]);
  if (minutes === undefined || /\bas of\s+$/i.test(window)) return undefined;

  const frame = frameAt(s.text, clockAt);
  const event = eventIn(window) ?? inherited(frame.corrected, memory, s.index);
  if (!event) return undefined;

  const after = s.text.slice(clockAt + m[2].length);
  const day = dayOf(after, window, issued);
  const place = placeOf(window.slice(event.end), after);
  return {
    kind: 'time',
    key: `time:${event.key}`,
    event: event.key,
    at: minutes,
    minutes: clockInterval(minutes, qualifier),
    ...(day !== undefined ? { day } : {}),
    ...(place ? { place } : {}),
    start: s.start + clockAt,
    end: s.start + clockAt + m[2].length,
    sentence: s.index,
    ...frame,
  };
}

interface Found {
  key: string;
  /** Offset in the window just after the event verb. */
  end: number;
}

/** The last event verb in the window; for subject-bound events, with its subject. */
function eventIn(window: string): Found | undefined {
  let best: { verb: EventVerb; at: number; end: number } | undefined;
  for (const verb of EVENTS) {
    for (const m of window.matchAll(verb.re)) {
      const at = m.index ?? 0;
      const end = at + m[0].length;
      if (!best || end > best.end || (end === best.end && at < best.at)) best = { verb, at, end };
    }
  }
  if (!best) return undefined;
  const before = window.slice(0, best.verb.event === 'incident' ? best.end : best.at);
  const key = best.verb.subject ? withSubject(best.verb.event, before) : best.verb.event;
  return key ? { key, end: best.end } : undefined;
}

/** "The blast happened at …" and "the explosion at 10:40" are times of the explosion. */
const INCIDENT_KEYS: Record<string, string> = {
  fire: 'start:fire',
  explosion: 'explosion',
  collision: 'collision',
  shooting: 'shooting',
  stabbing: 'stabbing',
  robbery: 'robbery',
  leak: 'leak',
  collapse: 'collapse',
  derailment: 'derailment',
  outbreak: 'start:outbreak',
};

function withSubject(event: string, before: string): string | undefined {
  const near = before.slice(-80);
  let subject: string | undefined;
  for (const m of near.matchAll(SUBJECT_RE)) subject = SUBJECTS[m[1].toLowerCase()];
  if (event === 'incident') return subject ? INCIDENT_KEYS[subject] : undefined;
  return subject ? `${event}:${subject}` : event;
}

/** "…; the correct time is 8:14 a.m.": the corrected time belongs to the event just cited. */
function inherited(corrected: boolean | undefined, memory: EventMemory, sentence: number) {
  const last = memory.last;
  if (!corrected || !last?.cited || sentence - last.sentence > 1) return undefined;
  return { key: last.event, end: 0 };
}

function dayOf(after: string, window: string, issued: number | undefined): number | undefined {
  if (issued === undefined) return undefined;
  const text = DAY_AFTER.exec(after)?.[1] ?? DAY_BEFORE.exec(window.slice(-40))?.[1];
  return text ? resolveDay(text, Math.floor(issued / 1440), 'past') : undefined;
}

/** Proper-noun words of the place named around the event ("on the Ridge Loop trail"). */
function placeOf(between: string, after: string): string | undefined {
  const tail = after.split(/[,;.]|\b(?:after|when|and|but)\b/)[0] ?? '';
  const words = `${between} ${tail}`.match(
    /\b(?:at|on|in|near|under|along|outside|inside)\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s?){1,4})/g,
  );
  if (!words) return undefined;
  const tokens = words
    .join(' ')
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w) && !GENERIC_PLACE.has(w.toLowerCase()) && !isDayWord(w))
    .map((w) => w.toLowerCase().replace(/['’]s$/, ''));
  return tokens.length > 0 ? [...new Set(tokens)].join(' ') : undefined;
}

function isDayWord(w: string): boolean {
  return /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)/.test(
    w,
  );
}
