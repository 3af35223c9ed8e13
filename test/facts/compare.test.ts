// The consistency check as a specification: a prior release and a draft in, findings out.
// The flag and do-not-flag pairs follow RISK-GUIDE §2.14; the legitimate changes follow the
// matters in cases/README.md.
import { describe, expect, it } from 'vitest';

import type { Finding, PriorRelease } from '../../lib/engine/types';
import { checkConsistency } from '../../lib/facts/check';

const NOW = new Date(2025, 5, 20, 12, 0);

function release(
  date: string,
  text: string,
  source = `prior-${date.slice(0, 10)}.txt`,
): PriorRelease {
  return { source, date, text };
}

/** A draft issued on June 4, 2025 at 10 a.m., with the given body. */
function draft(body: string): string {
  return `County Office\nFOR IMMEDIATE RELEASE — 10 a.m., Wednesday, June 4, 2025\n\n${body}\n\n###\n`;
}

function check(body: string, ...priors: PriorRelease[]): Finding[] {
  return checkConsistency(draft(body), { archive: priors, now: NOW });
}

function summary(findings: Finding[]): Array<[string, string, string]> {
  return findings.map((f) => [f.category, f.severity, f.excerpt]);
}

const JUNE_3 = '2025-06-03 18:00';

describe('checkConsistency: contradictions with a prior release (RISK-GUIDE §2.14)', () => {
  it('flags a casualty count that falls, as critical', () => {
    const found = check(
      "One person died in Tuesday's collapse.",
      release(JUNE_3, 'Two people died.'),
    );

    expect(summary(found)).toEqual([['count-changed', 'critical', 'One person']]);
  });

  it('flags a start time that moves, naming both spans', () => {
    const prior = release(JUNE_3, 'The fire started at about 2:15 a.m.');
    const found = check(
      'Crews were dispatched at 1:50 a.m. after the fire broke out shortly after 1:30 a.m.',
      prior,
    );

    expect(summary(found)).toEqual([['time-changed', 'high', '1:30 a.m.']]);
    expect(found[0].related).toEqual({
      source: 'prior-2025-06-03.txt',
      excerpt: '2:15 a.m.',
      start: prior.text.indexOf('2:15 a.m.'),
      end: prior.text.indexOf('2:15 a.m.') + '2:15 a.m.'.length,
      date: JUNE_3,
    });
  });

  it('flags a categorical claim reversed without acknowledgement, as critical', () => {
    const found = check(
      'An officer used a Taser during the arrest.',
      release(JUNE_3, 'No weapons were used by anyone involved.'),
    );

    expect(summary(found)).toEqual([['claim-reversed', 'critical', 'used a Taser']]);
  });

  it("flags a missing person's age and the place they were last seen", () => {
    const found = check(
      'The hiker, 31, was last seen near Lake Trail.',
      release(JUNE_3, 'The missing hiker, 24, was last seen on Ridge Trail.'),
    );

    expect(summary(found)).toEqual([
      ['identity-changed', 'critical', 'The hiker, 31'],
      ['place-changed', 'high', 'Lake Trail'],
    ]);
  });

  it('flags a cause stated earlier and now said to be unknown', () => {
    const found = check(
      'Investigators have not yet identified the source of the outbreak.',
      release(JUNE_3, 'The outbreak was caused by contaminated well water.'),
    );

    expect(summary(found).map(([c, s]) => [c, s])).toEqual([['cause-changed', 'critical']]);
  });

  it('flags a changed rank as high', () => {
    const found = check(
      'Assistant Chief Ana Alvarez said the road would reopen on Friday.',
      release(JUNE_3, 'Deputy Chief Ana Alvarez said crews were on the scene.'),
    );

    expect(summary(found)).toEqual([['identity-changed', 'high', 'Assistant Chief Ana Alvarez']]);
  });

  it('flags a respelled name', () => {
    const found = check(
      'Searchers found Jaylin Marsh, 24, alive on Wednesday.',
      release(JUNE_3, 'Teams are looking for Jaylen Marsh, 24, of Larkhaven.'),
    );

    expect(summary(found)).toEqual([['identity-changed', 'critical', 'Jaylin Marsh, 24']]);
  });

  it('flags a death first called not suspicious and now a homicide', () => {
    const found = check(
      'The death of the man found on Mill Road is being treated as a homicide.',
      release(JUNE_3, 'The death is not considered suspicious, police said.'),
    );

    expect(summary(found).map(([c, s]) => [c, s])).toEqual([['claim-reversed', 'critical']]);
  });

  it('flags an incident moved to another day', () => {
    const found = check(
      "Investigators are still examining Monday night's fire at the warehouse.",
      release(JUNE_3, 'The fire broke out at the warehouse early Tuesday.'),
    );

    expect(summary(found)).toEqual([['time-changed', 'high', 'Monday']]);
    expect(found[0].message).toContain('Tuesday, June 3');
  });

  it('makes a change critical when the earlier value rebutted rumours', () => {
    const found = check(
      'Three people died in the fire.',
      release(JUNE_3, 'Reports on social media are false: two people died in the fire.'),
    );

    expect(summary(found)).toEqual([['count-changed', 'critical', 'Three people']]);
  });

  it('flags a count that rises with no word of an update, as high', () => {
    const found = check(
      'Three people died in the fire.',
      release(JUNE_3, 'Two people died in the fire.'),
    );

    expect(summary(found)).toEqual([['count-changed', 'high', 'Three people']]);
  });

  it('flags fewer injured than the earlier release said were taken to hospital', () => {
    const found = check(
      'The fire injured five workers.',
      release(JUNE_3, 'Six workers were taken to Pellmont Regional Hospital.'),
    );

    expect(summary(found)).toEqual([['count-changed', 'critical', 'five workers']]);
  });
});

describe('checkConsistency: corrections', () => {
  it('reports a correction with the old value and the reason at medium', () => {
    const found = check(
      'Correction: our 10 a.m. statement gave the time of the collapse as 8:40 a.m.; building sensor data show it happened at 8:14 a.m.',
      release(JUNE_3, 'The Mill Lane footbridge collapsed at 8:40 a.m. Thursday.'),
    );

    expect(summary(found)).toEqual([['time-changed', 'medium', '8:14 a.m.']]);
  });

  it('keeps a correction that gives no reason at high', () => {
    const found = check(
      'Correction: the number of people injured is 11, not 14 as previously reported.',
      release(JUNE_3, 'Fourteen people were injured.'),
    );

    expect(summary(found).map(([c, s]) => [c, s])).toEqual([['count-changed', 'high']]);
  });

  it('reads "initially reported" as naming the old value', () => {
    const found = check(
      'Fourteen people were initially reported injured; after hospitals checked their records, the number is 11.',
      release(JUNE_3, 'Fourteen people were injured.'),
    );

    expect(summary(found)).toEqual([['count-changed', 'medium', '11']]);
  });

  it('downgrades a revised count with its reason to medium', () => {
    const found = check(
      'The number of people injured has been revised from 14 to 11 because two hospitals counted the same three patients.',
      release(JUNE_3, 'Fourteen people were injured.'),
    );

    expect(summary(found).map(([c, s]) => [c, s])).toEqual([['count-changed', 'medium']]);
  });
});

describe('checkConsistency: legitimate change is not a contradiction', () => {
  const cases: Array<[string, string, string]> = [
    [
      'a toll that rises with update wording',
      'Updated 6 p.m.: The medical examiner has confirmed a third death, raising the toll from the two we reported at noon.',
      'Two people died.',
    ],
    [
      'a total that rises with a later as-of time',
      'As of noon Wednesday, 31 people have reported vomiting or diarrhea.',
      'As of 2 p.m. Monday, 23 people have reported vomiting or diarrhea.',
    ],
    [
      'a running figure with its own as-of time',
      'As of 8 a.m., three people remain in hospital.',
      'As of 1 p.m., five people remain in hospital.',
    ],
    [
      'taken to hospital versus still in hospital',
      'Eleven people were taken to hospital. As of 5 p.m., four remain there.',
      'Eleven people were taken to hospital; as of 11:30 a.m., seven of them remain there.',
    ],
    [
      'the same number in words',
      'Crews helped the residents of the five homes who left.',
      'Crews helped the residents of 5 homes leave.',
    ],
    [
      'the same title after the name',
      'Nell Carrow, the water superintendent, said the main was old.',
      'Water Superintendent Nell Carrow said crews expect to finish.',
    ],
    [
      'the same volume in other units',
      'The tanker spilled an estimated 4,500 liters of diesel.',
      'The tanker spilled about 1,200 gallons of diesel.',
    ],
    [
      'the same length in other units',
      'The fuel has reached about 3.2 kilometers of the creek.',
      'Diesel has reached about 2 miles of Tallow Creek.',
    ],
    [
      'operational figures that vary by day',
      'Fifty-two searchers are on the ridge today.',
      'Thirty searchers are on the ridge today.',
    ],
    [
      'a cause found after it was unknown',
      'The fire was caused by an electrical fault.',
      'We do not yet know how the fire started.',
    ],
    [
      'a suspected cause later unconfirmed',
      'The cause has not been determined.',
      'The fire was most likely started by a space heater.',
    ],
    [
      'a promotion the draft mentions',
      'Newly promoted Lieutenant Ines Varga is leading the case.',
      'Detective Sergeant Ines Varga is leading the investigation.',
    ],
    [
      'a rank written with a role beside it',
      'Sgt. Dale Imrie, public information officer, said the road reopened.',
      'Contact: Dale Imrie, public information officer, 555-0112',
    ],
    [
      'a detective whose rank is added',
      'Detective Sergeant Ines Varga is leading the investigation.',
      'Detective Ines Varga is leading the investigation.',
    ],
    [
      'different people who share a surname',
      'Kayden Briggs, 16, remains in hospital.',
      'Tanya Briggs, 41, spoke to officers.',
    ],
  ];

  it.each(cases)('accepts %s', (_name, body, prior) => {
    expect(summary(check(body, release(JUNE_3, prior)))).toEqual([]);
  });

  it('accepts an age one year higher in a release months later', () => {
    const earlier = release(
      '2024-09-01 10:00',
      'The council appointed Renata Okoye, 46, as fire chief.',
    );

    expect(check('Renata Okoye, 47, will present the annual report.', earlier)).toEqual([]);
  });

  it('checks each detail against the newest release that gave it', () => {
    const wrong = release(
      '2025-06-02 09:00',
      'Teams are looking for Jaylin Marsh, 23, of Larkhaven.',
    );
    const fixed = release(JUNE_3, 'Teams are still looking for Jaylen Marsh, 24, of Larkhaven.');

    expect(check('Searchers found Jaylen Marsh, 24, on Wednesday.', wrong, fixed)).toEqual([]);
  });
});

describe('checkConsistency: inside the draft', () => {
  it('flags a headline count the body contradicts, pointing at the body', () => {
    const text = draft(
      'Five Injured in Plant Fire\n\nSix workers were taken to hospital after the fire.',
    );
    const [found] = checkConsistency(text);

    expect([found.category, found.severity, found.excerpt]).toEqual([
      'count-changed',
      'critical',
      'Five',
    ]);
    expect(found.related?.source).toBeNull();
    expect(text.slice(found.related!.start, found.related!.end)).toBe('Six workers');
  });

  it('flags a name spelled two ways', () => {
    const text = draft(
      'Searchers found Jaylin Marsh, 24, on Wednesday. "This is the news Jaylen\'s family waited for," the sheriff said.',
    );
    const [found] = checkConsistency(text);

    expect([found.category, found.excerpt]).toEqual(['identity-changed', 'Jaylin Marsh, 24']);
    expect(text.slice(found.related!.start, found.related!.end)).toBe('Jaylen');
  });

  it('flags a promise already past due on the draft date', () => {
    const text = draft('We will publish the inspection report by May 30.');
    const [found] = checkConsistency(text);

    expect([found.category, found.severity, found.excerpt]).toEqual([
      'commitment-missed',
      'medium',
      'by May 30',
    ]);
    expect(text.slice(found.related!.start, found.related!.end)).toContain('June 4, 2025');
  });

  it('accepts a round-up of places or separate incidents', () => {
    const places = draft(
      'Storm damage across the county\n\nTWO RIVERS, Ore. — Two people were injured in Brookfield when a tree fell on their car. One person was injured in Sawyer Hill by a falling branch.',
    );
    const separate = draft(
      'Crashes on county roads\n\nTWO RIVERS, Ore. — A crash on the county highway injured three people on Monday. In a separate crash, one person was injured.',
    );

    expect(checkConsistency(places)).toEqual([]);
    expect(checkConsistency(separate)).toEqual([]);
  });

  it('accepts partial counts of different groups', () => {
    const text = draft(
      'Two officers held him on the ground. Three officers are on administrative leave.',
    );

    expect(checkConsistency(text)).toEqual([]);
  });
});

describe('checkConsistency: commitments from earlier releases', () => {
  const prior = release(
    '2025-05-28 09:00',
    'The county expects to publish the inspection report by June 2.',
  );

  it('accepts a promise kept', () => {
    expect(check('The county published the inspection report on Monday.', prior)).toEqual([]);
  });

  it('flags a new deadline given as if the first never existed', () => {
    const found = check('The inspection report will be published by June 20.', prior);

    expect(summary(found).map(([c, s]) => [c, s])).toEqual([['commitment-missed', 'medium']]);
  });

  it('keeps an acknowledged delay low', () => {
    const found = check(
      'The inspection report has been delayed and will now be published by June 20.',
      prior,
    );

    expect(summary(found).map(([c, s]) => [c, s])).toEqual([['commitment-missed', 'low']]);
  });

  it('ignores next-update promises, which the archive may not show being kept', () => {
    const earlier = release('2025-06-01 09:00', 'Next update at 4 p.m. at example.gov.');

    expect(check('Crews continue to work at the site.', earlier)).toEqual([]);
  });
});

describe('checkConsistency: archives with several matters', () => {
  const fire = {
    source: 'fire/1.txt',
    matter: 'fire',
    date: JUNE_3,
    text: 'A fire at the Quayside storage warehouse on Dock Street injured five people. The Marrowgate fire investigator will examine the warehouse.',
  };
  const robbery = {
    source: 'robbery/1.txt',
    matter: 'robbery',
    date: '2025-06-03 19:00',
    text: 'Two people were injured when a man robbed the Granary Road Pharmacy in Corvin Bay.',
  };

  it('compares the draft only with its own matter', () => {
    const body =
      'Five people were injured in the Quayside warehouse fire on Dock Street, the Marrowgate fire investigator said.';

    expect(check(body, fire, robbery)).toEqual([]);
  });

  it('finds the contradiction in the matter the draft is about', () => {
    const body =
      'Four people were injured in the Quayside warehouse fire on Dock Street, the Marrowgate fire investigator said.';

    expect(summary(check(body, robbery, fire))).toEqual([
      ['count-changed', 'critical', 'Four people'],
    ]);
  });

  it('compares with nothing when the draft matches no matter', () => {
    const body = 'Three people were injured in a collision on Route 9 in Wexmoor.';

    expect(check(body, fire, robbery)).toEqual([]);
  });
});
