import { describe, expect, it } from 'vitest';

import {
  addItem,
  addLevel,
  levelsFile,
  moveItem,
  moveLevel,
  parseLevels,
  removeLevel,
  updateLevel,
} from '../../lib/review/edit-levels';
import { DEFAULT_LEVELS } from '../../lib/review/levels';

describe('moveLevel', () => {
  it('drops a dependency that would point forward, and says so', () => {
    const { levels, dropped } = moveLevel(DEFAULT_LEVELS, 'L1b', -1);

    expect(levels.map((l) => l.id)).toEqual(['L1b', 'L1', 'L2', 'L3', 'L4']);
    expect(levels[0].after).toEqual([]);
    expect(dropped).toEqual(['L1b no longer waits for L1']);
    expect(parseLevels(levelsFile(levels)).ok).toBe(true);
  });

  it('leaves the list alone at either end', () => {
    expect(moveLevel(DEFAULT_LEVELS, 'L1', -1).levels).toBe(DEFAULT_LEVELS);
  });
});

describe('removeLevel', () => {
  it('removes the level and every dependency on it', () => {
    const levels = removeLevel(DEFAULT_LEVELS, 'L3');

    expect(levels.map((l) => l.id)).toEqual(['L1', 'L1b', 'L2', 'L4']);
    expect(levels.at(-1)?.after).toEqual(['L1b', 'L2']);
  });
});

describe('addLevel and addItem', () => {
  it('give new ids that do not clash, signing after the last level', () => {
    const levels = addLevel(addLevel(DEFAULT_LEVELS, 'Board'), 'Board again');
    const board = addItem(
      addItem(levels[5], 'Board minutes are attached.'),
      'Board minutes are attached!',
    );

    expect(levels.slice(5).map((l) => [l.id, l.after])).toEqual([
      ['L6', ['L4']],
      ['L7', ['L6']],
    ]);
    expect(board.items.map((i) => i.id)).toEqual([
      'board-minutes-are-attached',
      'board-minutes-are-attached-2',
    ]);
    expect(moveItem(board, 'board-minutes-are-attached-2', -1).items[0].text).toBe(
      'Board minutes are attached!',
    );
  });
});

describe('parseLevels', () => {
  it('names the level and field that make a file invalid', () => {
    const blank = updateLevel(DEFAULT_LEVELS, 'L2', { name: ' ' });

    expect(parseLevels(levelsFile(blank))).toMatchObject({ ok: false, reason: /levels\.2\.name/ });
    expect(parseLevels('not json')).toEqual({ ok: false, reason: 'This file is not JSON.' });
  });
});
