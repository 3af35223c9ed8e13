// Signing a level: the checklist with the items a person must confirm, the findings to
// override (each with its own reason), the decision and the comment. The background checks all
// of it again and signs the exact text this form was shown for.
import { useState } from 'preact/hooks';

import type { FindingRef } from '@/lib/review/checklist';
import { sendMessage } from '@/lib/messaging';
import type { LevelView, ReviewView } from '@/lib/review/view';

import { messageOf } from './format';
import { categoryName } from '../labels';
import { ClearItems, ITEM_WORDS } from './LevelCard';

interface Props {
  level: LevelView;
  view: ReviewView;
  signed: (next: ReviewView) => void;
}

type Overrides = Record<string, { on: boolean; reason: string }>;

const refKey = (f: { rule: string; excerpt: string }) => `${f.rule}\u0000${f.excerpt}`;

export function SignForm({ level, view, signed }: Props) {
  const [decision, setDecision] = useState<'approve' | 'return'>('approve');
  const [comment, setComment] = useState('');
  const [attested, setAttested] = useState<string[]>([]);
  const [overrides, setOverrides] = useState<Overrides>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const toggle = (id: string, on: boolean) =>
    setAttested((a) => (on ? [...a, id] : a.filter((x) => x !== id)));
  const override = (f: FindingRef, change: Partial<Overrides[string]>) =>
    setOverrides((o) => ({
      ...o,
      [refKey(f)]: { ...(o[refKey(f)] ?? { on: false, reason: '' }), ...change },
    }));

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const next = await sendMessage('signLevel', {
        draftKey: view.draftKey,
        textHash: view.textHash,
        level: level.id,
        decision,
        comment,
        attested,
        overrides: chosenOverrides(level.toSettle, overrides),
      });
      signed(next);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const extra = level.toSettle.filter(
    (f) => !level.items.some((i) => i.findings.some((x) => refKey(x) === refKey(f))),
  );
  return (
    <form class="sign-form" onSubmit={submit} data-testid="sign-form">
      <ul class="checklist">
        {level.items
          .filter((item) => item.state !== 'clear')
          .map((item) => (
            <li key={item.id} class={`item item-${item.state}`} data-state={item.state}>
              {item.state === 'attest' ? (
                <label class="attest">
                  <input
                    type="checkbox"
                    checked={attested.includes(item.id)}
                    onChange={(e) => toggle(item.id, e.currentTarget.checked)}
                  />
                  {item.text}
                </label>
              ) : (
                <>
                  <span class="item-state">{ITEM_WORDS[item.state]}</span> {item.text}
                </>
              )}
              {item.findings.length > 0 && (
                <OverrideList findings={item.findings} overrides={overrides} change={override} />
              )}
            </li>
          ))}
      </ul>
      <ClearItems level={level} />
      {extra.length > 0 && (
        <>
          <p class="muted">At a critical grade this level acknowledges each critical finding:</p>
          <OverrideList findings={extra} overrides={overrides} change={override} />
        </>
      )}
      <fieldset class="decision">
        <legend>Decision on {level.id}</legend>
        <label>
          <input
            type="radio"
            name={`decision-${level.id}`}
            checked={decision === 'approve'}
            onChange={() => setDecision('approve')}
          />
          Approve this text
        </label>
        <label>
          <input
            type="radio"
            name={`decision-${level.id}`}
            checked={decision === 'return'}
            onChange={() => setDecision('return')}
          />
          Return it with comments
        </label>
      </fieldset>
      <label class="field">
        Comment{decision === 'return' ? ' (say what must change)' : ' (optional)'}
        <textarea rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      {error && (
        <p class="form-error" role="alert" data-testid="sign-error">
          {error}
        </p>
      )}
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>
          Sign {level.id}: {decision === 'approve' ? 'approve' : 'return'}
        </button>
      </div>
    </form>
  );
}

interface OverrideListProps {
  findings: FindingRef[];
  overrides: Overrides;
  change: (f: FindingRef, change: Partial<Overrides[string]>) => void;
}

function OverrideList({ findings, overrides, change }: OverrideListProps) {
  return (
    <ul class="to-settle">
      {findings.map((f) => {
        const o = overrides[refKey(f)];
        return (
          <li key={refKey(f)} data-testid="to-settle">
            <span class={`severity severity-${f.severity}`}>{f.severity}</span>{' '}
            {f.excerpt ? <q>{f.excerpt}</q> : <em>{f.message}</em>}{' '}
            <span class="category">{categoryName(f.category)}</span>
            <label class="override">
              <input
                type="checkbox"
                checked={o?.on ?? false}
                onChange={(e) => change(f, { on: e.currentTarget.checked })}
              />
              Override
            </label>
            {o?.on && (
              <input
                aria-label={`Why override “${f.excerpt || f.category}”`}
                placeholder="Why this stays as written"
                value={o.reason}
                onInput={(e) => change(f, { reason: e.currentTarget.value })}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

function chosenOverrides(findings: FindingRef[], overrides: Overrides) {
  return findings
    .filter((f) => overrides[refKey(f)]?.on && overrides[refKey(f)].reason.trim())
    .map((f) => ({ rule: f.rule, excerpt: f.excerpt, reason: overrides[refKey(f)].reason.trim() }));
}
