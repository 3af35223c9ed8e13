import { describe, expect, it } from 'vitest';

import {
  DEFAULT_LEVELS,
  itemState,
  LevelsFileSchema,
  requiredLevels,
} from '../../lib/review/levels';
import { reviewText } from '../helpers';

describe('requiredLevels', () => {
  it.each([
    ['low', [], ['L1']],
    ['low', ['gov-issuer'], ['L1', 'L2']],
    ['medium', [], ['L1', 'L2']],
    ['high', [], ['L1', 'L1b', 'L2', 'L3', 'L4']],
    ['critical', [], ['L1', 'L1b', 'L2', 'L3', 'L4']],
  ] as const)('at grade %s with flags %j requires %j', (grade, flags, expected) => {
    expect(requiredLevels(DEFAULT_LEVELS, grade, { flags: [...flags] })).toEqual(expected);
  });
});

describe('itemState', () => {
  it('ticks an item whose categories have no finding, leaves it open otherwise, and asks a person for the rest', () => {
    const report = reviewText('Residents have nothing to worry about.', {
      type: 'routine',
      flags: [],
    });
    const [context, , , , , , , absolutes] = DEFAULT_LEVELS[0].items;

    expect(itemState(absolutes, report)).toBe('open');
    expect(
      itemState(
        DEFAULT_LEVELS[0].items.find((i) => i.id === 'tone')!,
        report,
      ),
    ).toBe('clear');
    expect(itemState(context, report)).toBe('attest');
  });
});

describe('LevelsFileSchema', () => {
  it('accepts the defaults and names a dependency on an unknown level', () => {
    expect(
      LevelsFileSchema.safeParse({ lectern: 'levels', version: 1, levels: DEFAULT_LEVELS }).success,
    ).toBe(true);

    const bad = LevelsFileSchema.safeParse({
      lectern: 'levels',
      version: 1,
      levels: [{ ...DEFAULT_LEVELS[1], after: ['L9'] }],
    });

    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/"L9" must be a level listed before/);
  });
});
