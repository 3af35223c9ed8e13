import { useEffect, useState } from 'preact/hooks';

import type { SideBySide } from '@/lib/archive-file';
import { FAMILIES, type Finding, type Report } from '@/lib/engine/types';
import { sendMessage } from '@/lib/messaging';

import { Dismissed, reviewerName, type DismissActions } from './Dismissed';
import { categoryName, FAMILY_NAMES, SEVERITY_NAMES } from './labels';

interface Props {
  report: Report;
  select: (span: { start: number; end: number; excerpt: string }) => void;
  /** absent: the findings are read-only (no stored draft to dismiss them on) */
  dismissals?: DismissActions;
}

export function FindingList({ report, select, dismissals }: Props) {
  const live = report.findings.filter((f) => !f.dismissed);
  const dismissed = report.findings.filter((f) => f.dismissed);
  const reviewer = useReviewer();
  return (
    <section class="findings" aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings ({live.length})</h2>
      {live.length === 0 && (
        <p class="empty" data-testid="no-findings">
          {dismissed.length
            ? 'Every finding has been dismissed; the reasons are listed below.'
            : 'No findings. Lectern found nothing risky in this draft; a person should still read it.'}
        </p>
      )}
      {FAMILIES.map((family) => {
        const items = live.filter((f) => f.family === family);
        if (items.length === 0) return null;
        return (
          <section key={family} class="family" aria-labelledby={`family-${family}`}>
            <h3 id={`family-${family}`}>
              {FAMILY_NAMES[family]} ({items.length})
            </h3>
            <ul>
              {items.map((f) => (
                <FindingItem
                  key={`${f.rule}:${f.start}:${f.end}`}
                  finding={f}
                  select={select}
                  dismissals={dismissals}
                  reviewer={reviewer}
                />
              ))}
            </ul>
          </section>
        );
      })}
      <Dismissed findings={dismissed} actions={dismissals} />
      {report.problems.length > 0 && (
        <details class="problems">
          <summary>{report.problems.length} rules could not run</summary>
          <ul>
            {report.problems.map((p) => (
              <li key={p.rule}>
                {p.rule}: {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

interface Reviewer {
  name: string | null;
  remember(name: string): Promise<void>;
}

/** Who dismisses: asked once, then kept by the background (and editable in the options). */
function useReviewer(): Reviewer {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    void reviewerName().then(setName);
  }, []);
  return {
    name,
    remember: async (given) => {
      const saved = await sendMessage('setReviewer', { name: given });
      setName(saved.name);
    },
  };
}

interface ItemProps {
  finding: Finding;
  select: Props['select'];
  dismissals?: DismissActions;
  reviewer: Reviewer;
}

function FindingItem({ finding: f, select, dismissals, reviewer }: ItemProps) {
  const [dismissing, setDismissing] = useState(false);
  const head = (
    <>
      <span class={`severity severity-${f.severity}`}>{SEVERITY_NAMES[f.severity]}</span>
      <span class="category">{categoryName(f.category)}</span>
      {f.excerpt && !f.related && <q class="excerpt">{f.excerpt}</q>}
      <span class="message">{f.message}</span>
    </>
  );
  return (
    <li
      class={`finding finding-${f.severity}`}
      data-testid="finding"
      data-rule={f.rule}
      data-category={f.category}
    >
      {f.excerpt ? (
        <button
          type="button"
          class="finding-head"
          title="Select this passage in the editor"
          onClick={() => select({ start: f.start, end: f.end, excerpt: f.excerpt })}
        >
          {head}
          <span class="visually-hidden"> Select in the editor.</span>
        </button>
      ) : (
        <p class="finding-head">{head}</p>
      )}
      {f.related && <Contradiction finding={f} />}
      <p class="suggestion" data-testid="suggestion">
        <strong>Instead: </strong>
        {f.suggestion}
      </p>
      <p class="guideline" data-testid="guideline">
        Guideline: {f.guideline}
      </p>
      <details>
        <summary>Why it matters</summary>
        <p>{f.why}</p>
      </details>
      {dismissals &&
        (dismissing ? (
          <DismissForm
            reviewer={reviewer}
            cancel={() => setDismissing(false)}
            submit={async (reason, by) => {
              if (by !== reviewer.name) await reviewer.remember(by);
              await dismissals.dismiss(f, reason, by);
            }}
          />
        ) : (
          <button type="button" class="link dismiss" onClick={() => setDismissing(true)}>
            Dismiss…
          </button>
        ))}
    </li>
  );
}

/** Both sides of a contradiction, the earlier one first, each in its sentence. */
function Contradiction({ finding: f }: { finding: Finding }) {
  const related = f.related!;
  const sentences = (f as Finding & { sentences?: SideBySide }).sentences;
  const earlier = related.source !== null;
  return (
    <div class="side-by-side" data-testid="contradiction">
      <figure class="side side-earlier" data-testid="related">
        <figcaption>
          {earlier ? (
            <>
              <strong>Earlier release</strong>
              {related.date && (
                <>
                  {' · '}
                  <time data-testid="related-date">{related.date}</time>
                </>
              )}
              <span class="side-source">{related.source}</span>
            </>
          ) : (
            <strong>Elsewhere in this draft</strong>
          )}
        </figcaption>
        <blockquote>
          <Marked sentence={sentences?.related} excerpt={related.excerpt} />
        </blockquote>
      </figure>
      <figure class="side side-draft" data-testid="draft-side">
        <figcaption>
          <strong>This draft</strong>
        </figcaption>
        <blockquote>
          <Marked sentence={sentences?.draft} excerpt={f.excerpt} />
        </blockquote>
      </figure>
    </div>
  );
}

function Marked({ sentence, excerpt }: { sentence?: string; excerpt: string }) {
  const at = sentence && excerpt ? sentence.indexOf(excerpt) : -1;
  if (!sentence || at < 0) return <mark>{excerpt}</mark>;
  return (
    <>
      {sentence.slice(0, at)}
      <mark>{excerpt}</mark>
      {sentence.slice(at + excerpt.length)}
    </>
  );
}

interface FormProps {
  reviewer: Reviewer;
  cancel: () => void;
  submit: (reason: string, by: string) => Promise<void>;
}

function DismissForm({ reviewer, cancel, submit }: FormProps) {
  const [reason, setReason] = useState('');
  const [by, setBy] = useState(reviewer.name ?? '');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const askName = !reviewer.name;
  return (
    <form
      class="dismiss-form"
      data-testid="dismiss-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!reason.trim()) return setProblem('Give a reason: reviewers will read it.');
        if (!by.trim()) return setProblem('Give your name: a dismissal says who made it.');
        setBusy(true);
        try {
          await submit(reason.trim(), by.trim());
        } catch (err) {
          setProblem((err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label class="field">
        Why does this finding not apply? (required)
        <textarea
          name="reason"
          rows={2}
          aria-required="true"
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      {askName && (
        <label class="field">
          Your name (asked once; change it in the options)
          <input
            name="by"
            aria-required="true"
            autoComplete="name"
            value={by}
            onInput={(e) => setBy(e.currentTarget.value)}
          />
        </label>
      )}
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      <div class="buttons">
        <button type="submit" disabled={busy}>
          Dismiss
        </button>
        <button type="button" class="link" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
