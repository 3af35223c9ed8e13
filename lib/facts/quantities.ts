// Measured quantities in any unit: "about 1,200 gallons of diesel" and "an estimated 4,500
// liters of diesel" are one quantity; "about 2 miles of Tallow Creek" and "about 3.2
// kilometers of the creek" are one length. Values are kept in base units with the tolerance
// their wording allows, so a unit conversion is never mistaken for a change.
import type { SentenceInput } from './counts';
import { frameAt } from './framing';
import { intervalOf, NUMBER, parseNumber, QUALIFIER, UNIT, unitOf } from './numbers';
import type { QuantityFact } from './types';

const QUANTITY_RE = new RegExp(
  String.raw`(?:\b(${QUALIFIER})\s+)?(?<![\w.,-])(${NUMBER})\s?(${UNIT})\b`,
  'gi',
);

/** What was done with the quantity, from the verb before it: only these are compared. */
const ROLES: Array<[RegExp, string]> = [
  [/\b(?:spill|leak|releas|discharg|dump|escap|lost|los)\w*\s+(?:\w+\s+){0,3}$/i, 'released'],
  [/\b(?:recover|skimm|collect|remov|clean|pump|captur)\w*\s+(?:\w+\s+){0,3}$/i, 'recovered'],
  [
    /\b(?:reach|spread|cover|affect|stretch|extend|contaminat|coat)\w*\s+(?:\w+\s+){0,3}$/i,
    'extent',
  ],
  [/\b(?:burn|scorch|consum)\w*\s+(?:\w+\s+){0,3}$/i, 'burned'],
];

export function extractQuantities(s: SentenceInput): QuantityFact[] {
  const out: QuantityFact[] = [];
  for (const m of s.text.matchAll(QUANTITY_RE)) {
    const unit = unitOf(m[3]);
    const n = parseNumber(m[2]);
    if (!unit || n === undefined) continue;
    const at = m.index ?? 0;
    const before = s.text.slice(Math.max(0, at - 50), at);
    const role = ROLES.find(([re]) => re.test(before))?.[1];
    if (!role) continue;
    const value = intervalOf(n * unit.factor, m[1], true);
    out.push({
      kind: 'quantity',
      key: `quantity:${unit.measure}:${role}`,
      measure: unit.measure,
      value,
      n,
      unit: m[3].toLowerCase(),
      start: s.start + at,
      end: s.start + at + m[0].length,
      sentence: s.index,
      ...(s.asOf !== undefined ? { asOf: s.asOf } : {}),
      ...frameAt(s.text, at),
    });
  }
  return out;
}
