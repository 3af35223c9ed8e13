import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { README, withCatalogue } from '../scripts/catalogue';

describe('README rule catalogue', () => {
  it('is up to date with rules/ (run `npm run catalogue`)', () => {
    const readme = readFileSync(README, 'utf8');

    expect(withCatalogue(readme)).toBe(readme);
  });
});
