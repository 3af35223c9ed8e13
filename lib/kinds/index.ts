import { acronym } from './acronym';
import { grammar } from './grammar';
import type { Kind } from './kind';
import { namedPerson } from './named-person';
import { phrase } from './phrase';
import { praise } from './praise';
import { requiredElement } from './required-element';
import { share } from './share';

export const KINDS: Record<string, Kind<never>> = Object.fromEntries(
  [phrase, grammar, requiredElement, share, praise, acronym, namedPerson].map((k) => [
    k.name,
    k as unknown as Kind<never>,
  ]),
);
