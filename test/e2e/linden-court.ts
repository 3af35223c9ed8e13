// A fictional matter for the archive tests: three releases on one fire, and a fourth draft
// whose death toll silently drops from three to two.

export const MATTER = 'Linden Court fire';

export const RELEASES = [
  {
    date: '2025-03-14T06:30',
    text: `Orlen County Fire District
NEWS RELEASE — Linden Court apartment fire
FOR IMMEDIATE RELEASE — 6:30 a.m., Friday, March 14, 2025

Two dead in Linden Court apartment fire

TAMSFORD, Ore. — Two people died and 11 people were taken to hospital after a fire at the Linden Court apartments on Alder Street early Friday, the Orlen County Fire District said.

Firefighters were called at 3:52 a.m. and found heavy fire on the third floor. The fire was under control by 5:40 a.m.

Our next update will be at noon.

###`,
  },
  {
    date: '2025-03-14T12:00',
    text: `Orlen County Fire District
UPDATE 2 — Linden Court apartment fire
FOR IMMEDIATE RELEASE — noon, Friday, March 14, 2025

Search continues at Linden Court; two deaths confirmed

TAMSFORD, Ore. — As of noon, the Orlen County medical examiner has confirmed two deaths in this morning's fire at the Linden Court apartments. Eleven people were taken to hospital; as of 11:30 a.m., seven of them remain there.

The state fire marshal's office is investigating the cause. It has not been determined.

Next update: 6 p.m.

###`,
  },
  {
    date: '2025-03-14T18:00',
    text: `Orlen County Fire District
UPDATE 3 — Linden Court apartment fire
FOR IMMEDIATE RELEASE — 6 p.m., Friday, March 14, 2025

Third person found dead in Linden Court fire

TAMSFORD, Ore. — Search crews found a third person who died in the Linden Court apartment fire this afternoon. The Orlen County medical examiner confirmed the death at 4:45 p.m., raising the number of people who died from two to three.

As of 5 p.m., four people remain in hospital.

Our next update will be at 9 a.m. Saturday.

###`,
  },
];

export const DRAFT = `Orlen County Fire District
UPDATE 4 — Linden Court apartment fire
FOR IMMEDIATE RELEASE — 9 a.m., Saturday, March 15, 2025

Linden Court residents allowed to collect belongings

TAMSFORD, Ore. — Two people died in the Linden Court apartment fire on Friday, the Orlen County Fire District said. Firefighters were called at 3:52 a.m.

As of 8 a.m., three people remain in hospital. Residents can collect belongings from noon today.

###`;
