// The organisation's review levels: add, rename, reorder and remove levels and their checklist
// items, choose from which grade each is required and after which levels it signs, and move the
// whole set between computers as a file. Drafts whose review has started keep their levels.
import { useEffect, useState } from 'preact/hooks';

import { GRADES, type Grade } from '@/lib/engine/types';
import { sendMessage } from '@/lib/messaging';
import {
  addItem,
  addLevel,
  levelsFile,
  moveItem,
  moveLevel,
  parseLevels,
  removeItem,
  removeLevel,
  updateItem,
  updateLevel,
} from '@/lib/review/edit-levels';
import type { ChecklistItem, Level } from '@/lib/review/levels';

import { downloadJson, today } from '../sidepanel/download';
import { messageOf, StatusLine, useStatus } from './status';
import './levels-editor.css';

export function LevelsEditor() {
  const [levels, setLevels] = useState<Level[] | null>(null);
  const [custom, setCustom] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [newLevel, setNewLevel] = useState('');
  const { status, say, fail } = useStatus();

  useEffect(() => {
    sendMessage('getReviewSettings', undefined).then((s) => {
      setLevels(s.levels);
      setCustom(s.custom);
    }, fail);
  }, [fail]);

  if (!levels) return null;
  const change = (next: Level[], note = '') => {
    setLevels(next);
    setDirty(true);
    say(note);
  };
  const save = async (next: Level[] | null) => {
    if (next) {
      const checked = parseLevels(levelsFile(next));
      if (!checked.ok) return fail(checked.reason);
    }
    try {
      const s = await sendMessage('setReviewLevels', { levels: next });
      setLevels(s.levels);
      setCustom(s.custom);
      setDirty(false);
      say(next ? 'Levels saved. New reviews use them.' : 'Back to the default levels.');
    } catch (e) {
      fail(e);
    }
  };
  const load = async (file: File) => {
    const parsed = parseLevels(await file.text());
    if (!parsed.ok) return fail(`${file.name}: ${parsed.reason}`);
    change(
      parsed.levels,
      `Loaded ${parsed.levels.length} levels from ${file.name}; save to use them.`,
    );
  };

  return (
    <section aria-labelledby="levels-heading" data-testid="levels-editor">
      <h2 id="levels-heading">Review levels</h2>
      <p class="muted">
        The levels a draft passes before release, each with its checklist. The draft’s grade decides
        which levels are required. Items linked to finding categories are ticked by the review; the
        others are confirmed by the reviewer. Reviews already under way keep the levels they started
        with. {custom ? 'These are your organisation’s levels.' : 'These are the default levels.'}
      </p>
      {levels.map((level, i) => (
        <LevelEditor
          key={level.id}
          level={level}
          earlier={levels.slice(0, i)}
          first={i === 0}
          last={i === levels.length - 1}
          change={(next) => change(updateLevel(levels, level.id, next))}
          move={(delta) => {
            const moved = moveLevel(levels, level.id, delta);
            change(moved.levels, moved.dropped.join('; '));
          }}
          remove={() => change(removeLevel(levels, level.id), `Removed ${level.id}.`)}
        />
      ))}
      <form
        class="add-level"
        onSubmit={(e) => {
          e.preventDefault();
          change(addLevel(levels, newLevel));
          setNewLevel('');
        }}
      >
        <label class="field">
          New level’s name
          <input value={newLevel} onInput={(e) => setNewLevel(e.currentTarget.value)} />
        </label>
        <button type="submit">Add level</button>
      </form>
      <div class="buttons">
        <button type="button" class="primary" disabled={!dirty} onClick={() => void save(levels)}>
          Save levels
        </button>
        <button
          type="button"
          onClick={() => downloadJson(`lectern-levels-${today()}.json`, levelsFile(levels))}
        >
          Export as a file
        </button>
        <label class="file-button">
          Import a file
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void load(file).catch((err) => fail(messageOf(err)));
              e.currentTarget.value = '';
            }}
          />
        </label>
        <button type="button" class="danger" onClick={() => void save(null)}>
          Reset to the defaults
        </button>
      </div>
      <StatusLine status={status} testId="levels-status" />
    </section>
  );
}

interface LevelProps {
  level: Level;
  earlier: Level[];
  first: boolean;
  last: boolean;
  change: (next: Partial<Level>) => void;
  move: (delta: -1 | 1) => void;
  remove: () => void;
}

function LevelEditor({ level, earlier, first, last, change, move, remove }: LevelProps) {
  const [newItem, setNewItem] = useState('');
  const set = (next: Level) => change({ items: next.items });
  return (
    <details class="level-editor" data-testid="level-editor" data-level={level.id}>
      <summary>
        <strong>{level.id}</strong> · {level.name || '(no name)'}{' '}
        <span class="muted">
          — {level.items.length} items · required from {level.requiredFrom}
          {level.after.length > 0 && ` · after ${level.after.join(', ')}`}
        </span>
      </summary>
      <div class="row">
        <label class="field">
          Name
          <input value={level.name} onInput={(e) => change({ name: e.currentTarget.value })} />
        </label>
        <label class="field">
          Who signs
          <input value={level.role} onInput={(e) => change({ role: e.currentTarget.value })} />
        </label>
        <label class="field">
          Required from grade
          <select
            value={level.requiredFrom}
            onChange={(e) => change({ requiredFrom: e.currentTarget.value as Grade })}
          >
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="checks">
        <Check
          label="Also required for government issuers"
          checked={level.requiredForGov}
          set={(on) => change({ requiredForGov: on })}
        />
        <Check
          label="At a critical grade, acknowledges each critical finding"
          checked={level.acknowledgeCritical}
          set={(on) => change({ acknowledgeCritical: on })}
        />
        {earlier.map((e) => (
          <Check
            key={e.id}
            label={`Signs after ${e.id}`}
            checked={level.after.includes(e.id)}
            set={(on) =>
              change({ after: on ? [...level.after, e.id] : level.after.filter((d) => d !== e.id) })
            }
          />
        ))}
      </div>
      <p class="muted item-help">
        Checklist. An item linked to finding categories is ticked by the review when no such finding
        is left; an item without categories is confirmed by the reviewer.
      </p>
      <ol class="item-rows">
        {level.items.map((item, i) => (
          <ItemEditor
            key={item.id}
            item={item}
            first={i === 0}
            last={i === level.items.length - 1}
            change={(next) => set(updateItem(level, item.id, next))}
            move={(delta) => set(moveItem(level, item.id, delta))}
            remove={() => set(removeItem(level, item.id))}
          />
        ))}
      </ol>
      <form
        class="add-item"
        onSubmit={(e) => {
          e.preventDefault();
          if (!newItem.trim()) return;
          set(addItem(level, newItem));
          setNewItem('');
        }}
      >
        <label class="field">
          New checklist item for {level.id}
          <input value={newItem} onInput={(e) => setNewItem(e.currentTarget.value)} />
        </label>
        <button type="submit">Add item</button>
      </form>
      <div class="buttons">
        <button type="button" disabled={first} onClick={() => move(-1)}>
          Move {level.id} up
        </button>
        <button type="button" disabled={last} onClick={() => move(1)}>
          Move {level.id} down
        </button>
        <button type="button" class="danger" onClick={remove}>
          Remove {level.id}
        </button>
      </div>
    </details>
  );
}

interface ItemProps {
  item: ChecklistItem;
  first: boolean;
  last: boolean;
  change: (next: Partial<ChecklistItem>) => void;
  move: (delta: -1 | 1) => void;
  remove: () => void;
}

function ItemEditor({ item, first, last, change, move, remove }: ItemProps) {
  return (
    <li class="item-row">
      <label class="field wide">
        Item
        <input value={item.text} onInput={(e) => change({ text: e.currentTarget.value })} />
      </label>
      <label class="field">
        Linked categories
        <input
          placeholder="none: a person confirms"
          value={item.categories.join(', ')}
          onChange={(e) =>
            change({
              categories: e.currentTarget.value
                .split(',')
                .map((c) => c.trim())
                .filter(Boolean),
            })
          }
        />
      </label>
      <div class="buttons">
        <button type="button" disabled={first} onClick={() => move(-1)} aria-label="Move item up">
          ↑
        </button>
        <button type="button" disabled={last} onClick={() => move(1)} aria-label="Move item down">
          ↓
        </button>
        <button type="button" onClick={remove}>
          Remove
        </button>
      </div>
    </li>
  );
}

function Check({
  label,
  checked,
  set,
}: {
  label: string;
  checked: boolean;
  set: (on: boolean) => void;
}) {
  return (
    <label class="check">
      <input type="checkbox" checked={checked} onChange={(e) => set(e.currentTarget.checked)} />
      {label}
    </label>
  );
}
