// Fact extraction as a specification: strings in, facts out.
import { describe, expect, it } from 'vitest';

import { extractFacts } from '../../lib/facts/extract';
import type { Fact } from '../../lib/facts/types';
import { UNBOUNDED } from '../../lib/facts/types';
import { dayNumber } from '../../lib/facts/when';

/** Wednesday, May 7, 2025, 9 a.m.: the issue time every sentence below is read against. */
const WEDNESDAY = dayNumber(2025, 4, 7);
const ISSUED = WEDNESDAY * 1440 + 9 * 60;

function factsOf<K extends Fact['kind']>(text: string, kind: K): Array<Extract<Fact, { kind: K }>> {
  return extractFacts(text, { issued: ISSUED }).facts.filter(
    (f): f is Extract<Fact, { kind: K }> => f.kind === kind,
  );
}

function excerpt(text: string, f: Fact): string {
  return text.slice(f.start, f.end);
}

describe('extractFacts: counts', () => {
  const table: Array<[string, string, number]> = [
    ['Fourteen people were injured when a bus and a truck collided.', 'count:injured:people', 14],
    ['14 injured as bus and truck collide', 'count:injured:people', 14],
    ['Eleven people were injured in the collision.', 'count:injured:people', 11],
    [
      'The fire killed three people, including one firefighter, and injured 12.',
      'count:dead:people',
      3,
    ],
    [
      'The fire killed three people, including one firefighter, and injured 12.',
      'count:injured:people',
      12,
    ],
    ['Two people died and 11 people were taken to hospital.', 'count:dead:people', 2],
    ['Two people died and 11 people were taken to hospital.', 'count:hospitalised:people', 11],
    ['The medical examiner has confirmed two deaths.', 'count:dead:people', 2],
    ['Pellmont paint-shop fire injures five workers', 'count:injured:worker', 5],
    ['Six workers were taken to Pellmont Regional Hospital.', 'count:hospitalised:worker', 6],
    ['Four were treated in hospital and have been released.', 'count:hospitalised:people', 4],
    [
      'As of 1 p.m., five of the 14 people injured remain in hospital.',
      'count:in-hospital:people',
      5,
    ],
    ['As of 1 p.m., five of the 14 people injured remain in hospital.', 'count:injured:people', 14],
    [
      'Firefighters helped the residents of 5 homes leave as a precaution.',
      'count:evacuated:home',
      5,
    ],
    [
      'Housing staff are helping the residents of the five homes who left their houses.',
      'count:evacuated:home',
      5,
    ],
    ['A dozen homes were evacuated.', 'count:evacuated:home', 12],
    ['Three people are dead and two others injured.', 'count:injured:people', 2],
    ['Police arrested two men on Friday.', 'count:arrested:man', 2],
    ['Four people remain missing.', 'count:missing:people', 4],
    ['The death toll has risen to 12.', 'count:dead:people', 12],
    ['The fire claimed four lives.', 'count:dead:people', 4],
    [
      'Fifty-two searchers and three dog teams are on the ridge today.',
      'count:responders:searcher',
      52,
    ],
    [
      'As of 7:30 p.m., crews had restored power to all but 3,600 members.',
      'count:without-power:member',
      3600,
    ],
    ['Overnight winds leave 18,400 members without power', 'count:without-power:member', 18400],
    ['There were 45 confirmed cases as of Monday.', 'count:cases:people', 45],
  ];

  it.each(table)('reads "%s" as %s = %d', (text, key, n) => {
    const found = factsOf(text, 'count').filter((f) => f.key === key);

    expect(found.map((f) => f.n)).toContain(n);
  });

  const none = [
    'Officers were called to the 400 block of Fenwick Avenue.',
    'Route 9 buses are diverting via Bay Street.',
    'Families can call the family line at 555-0114.',
    'Search teams are looking for Jaylen Marsh, 24, of Larkhaven.',
    'Story time for children ages 3 to 5 will run on Sundays.',
    'As of noon, 36 people had used the shelter.',
    'A 12-inch water main broke under Orchard Street.',
    'The council chose Okoye from 14 applicants after interviews in March.',
    'No other injuries have been reported.',
    'Bystanders saved two lives.',
    'Stool samples from six of the people who became ill tested positive for norovirus.',
  ];

  it.each(none)('finds no count in "%s"', (text) => {
    expect(factsOf(text, 'count').map((f) => excerpt(text, f))).toEqual([]);
  });

  it('reads "no one" as zero, not as one', () => {
    const counts = factsOf('No one died. No one was hurt.', 'count');

    expect(counts.map((f) => [f.attr, f.n])).toEqual([
      ['dead', 0],
      ['injured', 0],
    ]);
  });

  it('gives qualifiers their range', () => {
    const [atLeast] = factsOf('At least 5 people were killed.', 'count');
    const [about] = factsOf('About 40 people were evacuated.', 'count');
    const [upTo] = factsOf('Up to 30 people were evacuated.', 'count');

    expect(atLeast.value).toEqual({ lo: 5, hi: UNBOUNDED });
    expect(about.value).toEqual({ lo: 36, hi: 44 });
    expect(upTo.value).toEqual({ lo: 0, hi: 30 });
  });

  it('marks a rise announced as such, and the old figure it restates', () => {
    const text =
      'The medical examiner confirmed the death at 4:45 p.m., raising the number of people who died from two, as we reported at noon, to three.';
    const counts = factsOf(text, 'count');

    expect(counts.map((f) => [f.n, Boolean(f.updated)])).toEqual([[3, true]]);
  });

  it('reads an ordinal death as the new total', () => {
    const [third] = factsOf('Search crews found a third person who died in the fire.', 'count');

    expect([third.key, third.n, third.updated]).toEqual(['count:dead:people', 3, true]);
  });

  it('treats the figure after "up from" as restated, and the new one as an update', () => {
    const text = 'As of noon Thursday, 31 people have reported vomiting, up from 23 on Monday.';
    const counts = factsOf(text, 'count');

    expect(counts.find((f) => f.n === 31)?.updated).toBe(true);
    expect(counts.filter((f) => f.n === 23).every((f) => f.cited)).toBe(true);
  });

  it('dates figures by the as-of time that opens their paragraph', () => {
    const text =
      'As of noon Thursday, 31 people have reported vomiting. Five people have been treated in hospital.';
    const counts = factsOf(text, 'count');

    expect(counts.map((f) => f.asOf)).toEqual([counts[0].asOf, counts[0].asOf]);
    expect(counts[0].asOf).toBe((WEDNESDAY - 6) * 1440 + 720);
  });
});

describe('extractFacts: quantities', () => {
  it('converts units so the same amount agrees', () => {
    const [gallons] = factsOf('The tanker spilled about 1,200 gallons of diesel.', 'quantity');
    const [liters] = factsOf('The tanker spilled an estimated 4,500 liters of diesel.', 'quantity');

    expect(gallons.key).toBe('quantity:volume:released');
    expect(liters.key).toBe(gallons.key);
    expect(liters.value.lo).toBeLessThan(gallons.value.hi);
    expect(gallons.value.lo).toBeLessThan(liters.value.hi);
  });

  it('keeps lengths by what they measure', () => {
    const [miles] = factsOf('Diesel has reached about 2 miles of Tallow Creek.', 'quantity');
    const [km] = factsOf('The fuel has reached about 3.2 kilometers of the creek.', 'quantity');

    expect([miles.key, km.key]).toEqual(['quantity:length:extent', 'quantity:length:extent']);
    expect(km.value.lo).toBeLessThan(miles.value.hi);
  });

  it('ignores measurements that are not about the incident', () => {
    expect(factsOf('Crews will resurface 2.4 miles of Fenn Road.', 'quantity')).toEqual([]);
    expect(factsOf('Stay at least 30 feet away from downed lines.', 'quantity')).toEqual([]);
  });
});

describe('extractFacts: event times', () => {
  const table: Array<[string, string, string, number]> = [
    ['The fire started at about 2:15 a.m.', 'time:start:fire', '2:15 a.m.', 135],
    [
      'Crews were dispatched at 1:50 a.m. after the fire broke out shortly after 1:30 a.m.',
      'time:dispatch',
      '1:50 a.m.',
      110,
    ],
    [
      'Crews were dispatched at 1:50 a.m. after the fire broke out shortly after 1:30 a.m.',
      'time:start:fire',
      '1:30 a.m.',
      90,
    ],
    [
      'The fire at the warehouse, which started at about 2:15 a.m., was brought under control at 6:50 a.m.',
      'time:under-control',
      '6:50 a.m.',
      410,
    ],
    [
      'The roof over the north half of the warehouse collapsed at about 4:30 a.m.',
      'time:collapse:roof',
      '4:30 a.m.',
      270,
    ],
    [
      'The Mill Lane footbridge collapsed at 8:40 a.m. Thursday.',
      'time:collapse:bridge',
      '8:40 a.m.',
      520,
    ],
    [
      'Officers were called to the 400 block of Fenwick Avenue at 7:48 p.m.',
      'time:dispatch',
      '7:48 p.m.',
      1188,
    ],
    ['Officers called for an ambulance at 8:05 p.m.', 'time:ambulance', '8:05 p.m.', 1205],
    [
      'He was pronounced dead at Kessington Memorial Hospital at 8:52 p.m.',
      'time:pronounced-dead',
      '8:52 p.m.',
      1252,
    ],
    ['The blast happened at about 10:40 p.m. Tuesday.', 'time:explosion', '10:40 p.m.', 1360],
    ['The first 911 call came in at 2:14 a.m.', 'time:first-call', '2:14 a.m.', 134],
    ['The collision happened at 14:30 on Route 9.', 'time:collision', '14:30', 870],
    ['Deputies were dispatched at 0730 hours.', 'time:dispatch', '0730 hours', 450],
  ];

  it.each(table)('reads "%s" as %s at %s', (text, key, clock, at) => {
    const found = factsOf(text, 'time').find((f) => f.key === key);

    expect(found && excerpt(text, found)).toBe(clock);
    expect(found?.at).toBe(at);
  });

  const none = [
    'The Marrowgate fire investigator began work at the scene at 1 p.m.',
    'Next update at 6 p.m. at example.gov.',
    'As of 1 p.m., five people remain in hospital.',
    'At about 3 p.m. searchers found a water bottle near the trail.',
    'FOR IMMEDIATE RELEASE — 6 p.m., Friday, March 14, 2025',
    'Anyone who was on Harbor Road between 7 a.m. and 7:30 a.m. is asked to call.',
  ];

  it.each(none)('finds no event time in "%s"', (text) => {
    expect(factsOf(text, 'time').map((f) => excerpt(text, f))).toEqual([]);
  });

  it('reads the day of an event written without a clock time', () => {
    const [lead] = factsOf('A fire broke out at the Linden Court apartments early Friday.', 'time');
    const [noun] = factsOf("Eleven people were injured in Tuesday morning's collision.", 'time');

    expect([lead.key, lead.day]).toEqual(['time:start:fire', WEDNESDAY - 5]);
    expect([noun.key, noun.day]).toEqual(['time:collision', WEDNESDAY - 1]);
  });

  it('resolves the day relative to the issue date', () => {
    const [t] = factsOf('The collision happened at 7:20 a.m. Tuesday.', 'time');

    expect(t.day).toBe(WEDNESDAY - 1);
  });

  it('carries a corrected time over to the event the correction cites', () => {
    const text =
      'That statement said the bridge collapsed at 8:40 a.m.; the correct time is 8:14 a.m.';
    const times = factsOf(text, 'time');

    expect(times.map((t) => [t.key, t.at, Boolean(t.cited), Boolean(t.corrected)])).toEqual([
      ['time:collapse:bridge', 520, true, true],
      ['time:collapse:bridge', 494, false, true],
    ]);
  });
});

describe('extractFacts: people', () => {
  it('reads titles before the name, with abbreviations expanded', () => {
    const [p] = factsOf('Detective Sergeant Ines Varga is leading the investigation.', 'person');
    const [q] = factsOf('Contact: Sgt. Dale Imrie, public information officer, 555-0112', 'person');

    expect([p.name, p.titles]).toEqual(['Ines Varga', ['detective sergeant']]);
    expect([q.name, q.titles]).toEqual(['Dale Imrie', ['sergeant', 'public information officer']]);
  });

  it('reads the same title placed before or after the name', () => {
    const [before] = factsOf(
      'Water Superintendent Nell Carrow said crews expect to finish.',
      'person',
    );
    const [after] = factsOf(
      'Nell Carrow, the water superintendent, said the main was old.',
      'person',
    );

    expect(before.titles).toEqual(['water superintendent']);
    expect(after.titles).toEqual(before.titles);
  });

  it('reads an age after the name and marks the subject of the incident', () => {
    const [p] = factsOf('Search teams are looking for Jaylen Marsh, 24, of Larkhaven.', 'person');

    expect([p.first, p.last, p.age, p.subject]).toEqual(['Jaylen', 'Marsh', 24, true]);
  });

  it('drops a generational suffix from the surname', () => {
    const [p] = factsOf('John Smith Jr., 45, of Wexmoor was taken to hospital.', 'person');

    expect([p.last, p.age]).toEqual(['Smith', 45]);
    expect(factsOf('John Smith Jr., 45, of Wexmoor was taken to hospital.', 'count')).toEqual([]);
  });

  it('reads a person known only by role and age', () => {
    const [p] = factsOf('The missing hiker, 24, was last seen on Ridge Trail.', 'person');

    expect([p.key, p.age]).toEqual(['person:role:hiker', 24]);
  });

  const none = [
    'The Hollis Ridge trailhead remains closed.',
    "The Carrow County District Attorney's Office will investigate.",
    'Cascade Relief Volunteers opened a reception center.',
    'Glenmore Components said the plant will reopen.',
  ];

  it.each(none)('finds no person in "%s"', (text) => {
    expect(factsOf(text, 'person').map((f) => f.name)).toEqual([]);
  });

  it('notices a change of role in the sentence', () => {
    const [p] = factsOf(
      'Deputy Chief Lucas Fenn, who has served as acting chief, will return to his role.',
      'person',
    );

    expect(p.roleChange).toBe(true);
  });
});

describe('extractFacts: causes', () => {
  const table: Array<[string, string, string]> = [
    ['The outbreak was caused by contaminated well water.', 'cause:incident', 'determined'],
    [
      'Stomach illness at Pine Hollow campground caused by contaminated well water',
      'cause:incident',
      'determined',
    ],
    [
      'The cause of the fire was an electrical fault in the kitchen.',
      'cause:incident',
      'determined',
    ],
    ['The fire marshal determined the fire was accidental.', 'cause:incident', 'determined'],
    ['An electrical fault caused the fire, the fire marshal said.', 'cause:incident', 'determined'],
    ['The fire was ruled accidental.', 'cause:incident', 'determined'],
    [
      'The illness was most likely caused by children touching animals.',
      'cause:incident',
      'suspected',
    ],
    [
      'Investigators believe the fire was started by an electrical fault.',
      'cause:incident',
      'suspected',
    ],
    ['Preliminary findings point to a gas leak.', 'cause:incident', 'suspected'],
    [
      'Investigators have not yet identified the source of the illness.',
      'cause:incident',
      'undetermined',
    ],
    ['We do not yet know how the fire started.', 'cause:incident', 'undetermined'],
    ['The cause has not been determined.', 'cause:incident', 'undetermined'],
    [
      'The state fire marshal is still investigating how the fire started.',
      'cause:incident',
      'undetermined',
    ],
    ['The cause of death has not been determined.', 'cause:death', 'undetermined'],
  ];

  it.each(table)('reads "%s" as %s %s', (text, key, status) => {
    const [c] = factsOf(text, 'cause');

    expect([c?.key, c?.status]).toEqual([key, status]);
  });

  it('ignores causes of things other than the incident', () => {
    expect(
      factsOf('The helicopter was grounded at 4 p.m. because of high winds.', 'cause'),
    ).toEqual([]);
    expect(
      factsOf('Norovirus spreads through contaminated food, water and surfaces.', 'cause'),
    ).toEqual([]);
  });
});

describe('extractFacts: categorical claims', () => {
  const table: Array<[string, string, boolean]> = [
    ['No weapons were used by any officer during the arrest.', 'claim:use:weapon', false],
    ['An officer used a Taser on the man twice during the arrest.', 'claim:use:weapon', true],
    ['An officer used a Taser on the man twice during the arrest.', 'claim:use:force', true],
    ['Officers did not use force.', 'claim:use:weapon', false],
    ['No shots were fired.', 'claim:use:weapon', false],
    ['An officer struck the man with a baton.', 'claim:use:weapon', true],
    ['Deputies deployed pepper spray.', 'claim:use:weapon', true],
    ['No officers fired their weapons during the standoff.', 'claim:use:weapon', false],
    ['Officers said the man was unarmed.', 'claim:be:armed', false],
    ['The man was armed with a knife when officers arrived.', 'claim:be:armed', true],
    ['The death is not considered suspicious.', 'claim:be:foul-play', false],
    ['The death is now being treated as a homicide.', 'claim:be:foul-play', true],
    ['Investigators have ruled out arson.', 'claim:be:foul-play', false],
    ['The fire was deliberately set, the fire marshal said.', 'claim:be:foul-play', true],
    ['Alcohol is not believed to be a factor in the crash.', 'claim:involve:alcohol', false],
    ['Police said alcohol was a factor in the crash.', 'claim:involve:alcohol', true],
  ];

  it.each(table)('reads "%s" as %s (positive: %s)', (text, key, positive) => {
    const found = factsOf(text, 'claim').find((c) => c.key === key);

    expect(found?.positive).toBe(positive);
  });

  const none = [
    'If a Taser was used, the report will say so.',
    'No contamination has been found so far.',
    'The district attorney will review whether any weapon was used.',
  ];

  it.each(none)('finds no categorical claim in "%s"', (text) => {
    expect(factsOf(text, 'claim')).toEqual([]);
  });
});

describe('extractFacts: commitments', () => {
  it('resolves "within six weeks" from the issue time', () => {
    const [c] = factsOf(
      'The coroner expects to complete the autopsy report within six weeks.',
      'commitment',
    );

    expect(c.deadline).toBe(ISSUED + 6 * 7 * 1440);
    expect(c.routine).toBe(false);
    expect(c.terms).toEqual(expect.arrayContaining(['coroner', 'autopsy', 'report']));
  });

  it('resolves a weekday forward', () => {
    const [c] = factsOf('Dock Street is expected to reopen by 8 a.m. Sunday.', 'commitment');

    expect(c.deadline).toBe((WEDNESDAY + 4) * 1440 + 8 * 60);
  });

  it('marks the next-update promise as routine', () => {
    const [c] = factsOf('Next update at 6 p.m. at example.gov.', 'commitment');

    expect([c.routine, c.deadline]).toEqual([true, WEDNESDAY * 1440 + 18 * 60]);
  });

  it('needs the promise and the deadline in one clause', () => {
    const text =
      'Most people recover within three days; people who cannot keep fluids down should see a doctor.';

    expect(factsOf(text, 'commitment')).toEqual([]);
  });
});

describe('extractFacts: places', () => {
  it('reads where someone was last seen', () => {
    const [p] = factsOf(
      'Marsh was last seen at about 2 p.m. Monday on the Ridge Loop trail.',
      'place',
    );

    expect([p.key, p.words]).toEqual(['place:last-seen', ['ridge', 'loop']]);
  });

  it('keeps only proper place words', () => {
    expect(factsOf('The fire in the paint shop was put out.', 'place')).toEqual([]);
  });
});

describe('extractFacts: release date', () => {
  it('reads the date header and the release line', () => {
    const header = extractFacts('date: 2025-05-06 13:30\nSome text.');
    const line = extractFacts(
      'Agency\nFOR IMMEDIATE RELEASE — 9 a.m., Wednesday, May 7, 2025\nText.',
    );
    const dateline = extractFacts('LARKHAVEN, Colo., Dec. 9, 2025 — The library will open.');

    expect(header.issued).toBe((WEDNESDAY - 1) * 1440 + 13 * 60 + 30);
    expect(line.issued).toBe(ISSUED);
    expect(dateline.issued).toBe(dayNumber(2025, 11, 9) * 1440 + 720);
    expect(extractFacts('Agency\nFOR IMMEDIATE RELEASE: 03/14/2025\nText.').issued).toBe(
      dayNumber(2025, 2, 14) * 1440 + 720,
    );
  });
});
