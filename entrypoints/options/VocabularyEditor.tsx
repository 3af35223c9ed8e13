// The organisation's own vocabulary: banned words, preferred terms, official names and titles,
// sensitive matters under review. The form keeps exactly what the user typed (strings, even
// blank rows) and is checked against the same zod schema the background and the CLI use; an
// error names the list, the row and the field, and nothing typed is lost.
import { useEffect, useState } from 'preact/hooks';

import { SEVERITIES, type Severity } from '@/lib/engine/types';
import { sendMessage } from '@/lib/messaging';
import {
  emptyVocabulary,
  parseVocabulary,
  VocabularySchema,
  type Vocabulary,
} from '@/lib/vocabulary';

import { downloadJson, today } from '../sidepanel/download';
import { messageOf, StatusLine, useStatus } from './status';

type Row = Record<string, string>;

interface Form {
  name: string;
  banned: Row[];
  preferred: Row[];
  names: Row[];
  sensitive: Row[];
}

type ListName = Exclude<keyof Form, 'name'>;

interface Field {
  key: string;
  label: string;
  /** a comma-separated list in the form, an array in the vocabulary */
  list?: boolean;
  optional?: boolean;
  options?: readonly string[];
  wide?: boolean;
}

const LISTS: Record<ListName, { title: string; add: string; help: string; fields: Field[] }> = {
  banned: {
    title: 'Banned words',
    add: 'Add a banned word',
    help: 'Words the organisation does not use, with what to write instead and why.',
    fields: [
      { key: 'term', label: 'Word or phrase' },
      { key: 'instead', label: 'Write instead (optional)', optional: true },
      { key: 'reason', label: 'Why not', wide: true },
    ],
  },
  preferred: {
    title: 'Preferred terms',
    add: 'Add a preferred term',
    help: 'The house term, and the words it replaces.',
    fields: [
      { key: 'use', label: 'Write' },
      { key: 'not', label: 'Instead of (separate with commas)', list: true },
    ],
  },
  names: {
    title: 'Official names and titles',
    add: 'Add an official name or title',
    help: 'Names and titles as they must appear, and the wrong versions seen in drafts.',
    fields: [
      { key: 'official', label: 'Official name or title' },
      { key: 'variants', label: 'Wrong variants (separate with commas)', list: true },
    ],
  },
  sensitive: {
    title: 'Sensitive matters under review',
    add: 'Add a sensitive matter',
    help: 'Matters that need the owner’s check before any release mentions them.',
    fields: [
      { key: 'term', label: 'Word or phrase' },
      { key: 'severity', label: 'Severity', options: SEVERITIES },
      { key: 'note', label: 'Note for the writer', wide: true },
    ],
  },
};

const LIST_NAMES = Object.keys(LISTS) as ListName[];
const UNSAVED = 'lectern.vocabulary.unsaved';

function blankRow(list: ListName): Row {
  return Object.fromEntries(
    LISTS[list].fields.map((f) => [f.key, f.key === 'severity' ? 'high' : '']),
  );
}

function toForm(v: Vocabulary): Form {
  return {
    name: v.name,
    banned: v.banned.map((b) => ({ term: b.term, instead: b.instead ?? '', reason: b.reason })),
    preferred: v.preferred.map((p) => ({ use: p.use, not: p.not.join(', ') })),
    names: v.names.map((n) => ({ official: n.official, variants: n.variants.join(', ') })),
    sensitive: v.sensitive.map((s) => ({ term: s.term, note: s.note, severity: s.severity })),
  };
}

function isBlank(list: ListName, row: Row): boolean {
  return LISTS[list].fields.every((f) => f.options || !row[f.key]?.trim());
}

/** The form as a vocabulary object, and for each list the form row of each kept entry. */
function fromForm(form: Form): { value: unknown; rows: Record<ListName, number[]> } {
  const rows = {} as Record<ListName, number[]>;
  const value: Record<string, unknown> = { lectern: 'vocabulary', version: 1, name: form.name };
  for (const list of LIST_NAMES) {
    rows[list] = [];
    value[list] = form[list].flatMap((row, i) => {
      if (isBlank(list, row)) return [];
      rows[list].push(i);
      return [entryOf(list, row)];
    });
  }
  return { value, rows };
}

function entryOf(list: ListName, row: Row): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  for (const f of LISTS[list].fields) {
    const raw = row[f.key] ?? '';
    if (f.list) {
      entry[f.key] = raw
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
    } else if (!(f.optional && !raw.trim())) entry[f.key] = raw;
  }
  return entry;
}

interface Invalid {
  /** `${list}-${row}-${field}`, or 'name' */
  id: string;
  message: string;
}

function validate(form: Form): { vocabulary: Vocabulary } | { invalid: Invalid } {
  const { value, rows } = fromForm(form);
  const r = VocabularySchema.safeParse(value);
  if (r.success) return { vocabulary: r.data };
  const issue = r.error.issues[0];
  const [list, index, field] = issue.path as [string, number | undefined, string | undefined];
  const problem =
    issue.code === 'too_small'
      ? issue.origin === 'array'
        ? 'needs at least one entry'
        : 'cannot be empty'
      : issue.code === 'too_big'
        ? 'is too long'
        : issue.message;
  if (list === 'name') return { invalid: { id: 'name', message: `Vocabulary name ${problem}.` } };
  const spec = LISTS[list as ListName];
  if (!spec || index === undefined || field === undefined) {
    return { invalid: { id: '', message: `${issue.path.join('.')}: ${issue.message}` } };
  }
  const row = rows[list as ListName][index];
  const label = spec.fields.find((f) => f.key === field)?.label ?? field;
  return {
    invalid: {
      id: `${list}-${row}-${field}`,
      message: `${spec.title}, row ${row + 1}, “${label}” ${problem}.`,
    },
  };
}

function loadUnsaved(): Form | undefined {
  try {
    const raw = localStorage.getItem(UNSAVED);
    return raw ? (JSON.parse(raw) as Form) : undefined;
  } catch {
    return undefined;
  }
}

export function VocabularyEditor() {
  const [form, setForm] = useState<Form>(() => toForm(emptyVocabulary()));
  const [invalid, setInvalid] = useState<Invalid | null>(null);
  const [dirty, setDirty] = useState(false);
  const { status, say, fail } = useStatus();

  useEffect(() => {
    const unsaved = loadUnsaved();
    if (unsaved) {
      setForm(unsaved);
      setDirty(true);
      say('Your unsaved changes from last time are back. Save them or keep editing.');
      return;
    }
    sendMessage('getVocabulary', undefined).then((r) => {
      if (r.vocabulary) setForm(toForm(parseVocabulary(r.vocabulary)));
    }, fail);
  }, [say, fail]);

  const change = (next: Form) => {
    setForm(next);
    setDirty(true);
    // Kept across a closed tab or a crash: nothing typed is lost before it is saved.
    localStorage.setItem(UNSAVED, JSON.stringify(next));
  };

  const save = async (vocabulary: Vocabulary, done: string) => {
    const { rules } = await sendMessage('setVocabulary', { vocabulary });
    localStorage.removeItem(UNSAVED);
    setDirty(false);
    setInvalid(null);
    say(`${done} ${rules} ${rules === 1 ? 'rule' : 'rules'} now apply to every draft.`);
  };

  const checked = (): Vocabulary | undefined => {
    const result = validate(form);
    if ('invalid' in result) {
      setInvalid(result.invalid);
      fail(new Error(`Not saved: ${result.invalid.message}`));
      if (result.invalid.id) document.getElementById(`vocab-${result.invalid.id}`)?.focus();
      return undefined;
    }
    return result.vocabulary;
  };

  return (
    <section aria-labelledby="vocabulary-heading" data-testid="vocabulary">
      <h2 id="vocabulary-heading">Organisation vocabulary</h2>
      <p class="muted">
        Checked in every draft alongside Lectern’s own rules. The same file works with the command
        line: <code>lectern review --pack vocabulary.json</code>.
      </p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const vocabulary = checked();
          if (vocabulary) await save(vocabulary, 'Saved.').catch(fail);
        }}
      >
        <label class="field">
          Vocabulary name
          <input
            id="vocab-name"
            name="name"
            value={form.name}
            aria-invalid={invalid?.id === 'name'}
            onInput={(e) => change({ ...form, name: e.currentTarget.value })}
          />
        </label>
        {LIST_NAMES.map((list) => (
          <ListEditor
            key={list}
            list={list}
            rows={form[list]}
            invalid={invalid?.id}
            setRows={(rows) => change({ ...form, [list]: rows })}
          />
        ))}
        <div class="buttons">
          <button type="submit">Save vocabulary</button>
          {dirty && <span class="muted">Unsaved changes</span>}
        </div>
      </form>
      <div class="buttons">
        <button
          type="button"
          onClick={() => {
            const vocabulary = checked();
            if (vocabulary) downloadJson(`lectern-vocabulary-${today()}.json`, vocabulary);
          }}
        >
          Export vocabulary
        </button>
        <label class="file-button">
          Import vocabulary…{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="vocabulary-import"
            onChange={async (e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (!file) return;
              try {
                const vocabulary = parseVocabulary(JSON.parse(await file.text()));
                await save(vocabulary, `Imported “${vocabulary.name}”.`);
                setForm(toForm(vocabulary));
              } catch (err) {
                fail(new Error(`Not imported (your form is unchanged): ${messageOf(err)}`));
              }
            }}
          />
        </label>
      </div>
      <StatusLine status={status} testId="vocabulary-status" />
    </section>
  );
}

interface ListProps {
  list: ListName;
  rows: Row[];
  invalid?: string;
  setRows: (rows: Row[]) => void;
}

function ListEditor({ list, rows, invalid, setRows }: ListProps) {
  const spec = LISTS[list];
  return (
    <fieldset class="vocab-list" data-testid={`vocab-${list}`}>
      <legend>{spec.title}</legend>
      <p class="muted">{spec.help}</p>
      <div class="rows">
        {rows.map((row, i) => (
          <div class="row" key={i}>
            {spec.fields.map((f) => {
              const id = `${list}-${i}-${f.key}`;
              const set = (value: string) =>
                setRows(rows.map((r, j) => (j === i ? { ...r, [f.key]: value } : r)));
              return (
                <label class="field" key={f.key} style={f.wide ? 'grid-column: 1 / -1' : ''}>
                  {f.label}
                  {f.options ? (
                    <select
                      id={`vocab-${id}`}
                      name={f.key}
                      value={row[f.key]}
                      onChange={(e) => set(e.currentTarget.value as Severity)}
                    >
                      {f.options.map((o) => (
                        <option key={o} value={o}>
                          {o}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      id={`vocab-${id}`}
                      name={f.key}
                      value={row[f.key] ?? ''}
                      aria-invalid={invalid === id}
                      onInput={(e) => set(e.currentTarget.value)}
                    />
                  )}
                </label>
              );
            })}
            <div class="buttons">
              <button
                type="button"
                class="link"
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
          </div>
        ))}
      </div>
      <button type="button" onClick={() => setRows([...rows, blankRow(list)])}>
        {spec.add}
      </button>
    </fieldset>
  );
}
