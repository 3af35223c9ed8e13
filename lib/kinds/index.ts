import { acronym } from './acronym';
import { figure } from './figure';
import { grammar } from './grammar';
import type { Kind } from './kind';
import { namedPerson } from './named-person';
import { phrase } from './phrase';
import { praise } from './praise';
import { requiredElement } from './required-element';
import { share } from './share';

export const KINDS: Record<string, Kind<never>> = Object.fromEntries(
  [phrase, grammar, requiredElement, share, praise, figure, acronym, namedPerson].map((k) => [
    k.name,
    k as unknown as Kind<never>,
  ]),
);
