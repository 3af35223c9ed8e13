// The review tab: who signs, each level with its checklist and sign-off, and the record that
// travels to the next reviewer.
import type { PanelState } from '@/lib/messaging';
import type { LevelView } from '@/lib/review/view';

import { GRADE_NAMES } from '../labels';
import { IdentityBar } from './IdentityBar';
import { LevelCard } from './LevelCard';
import { RecordTransfer } from './RecordTransfer';
import type { useReview } from './use-review';

interface Props {
  draft: NonNullable<PanelState['draft']>;
  review: ReturnType<typeof useReview>;
  setNotice: (text: string) => void;
}

export function ReviewTab({ draft, review, setNotice }: Props) {
  const { load } = review;
  if (load.status === 'loading') return <p class="empty">Loading the review…</p>;
  if (load.status === 'failed') {
    return (
      <div class="error" role="alert">
        <p>The review could not be loaded: {load.message}</p>
        <button type="button" onClick={() => void review.refresh()}>
          Try again
        </button>
      </div>
    );
  }
  const view = load.review;
  const required = view.levels.filter((l) => l.required);
  const optional = view.levels.filter((l) => !l.required);
  return (
    <section class="review" aria-labelledby="review-heading" data-testid="review-tab">
      <h2 id="review-heading">Review</h2>
      <p class="muted" data-testid="review-summary">
        Grade {GRADE_NAMES[view.grade]}: {pathOf(required)} must approve. Approvals hold for these
        exact words only.
        {view.pinnedLevels && ' This review keeps the levels it started with.'}
      </p>
      <IdentityBar identity={view.identity} onChange={() => void review.refresh()} />
      {required.map((level) => (
        <LevelCard
          key={level.id}
          level={level}
          view={view}
          signed={(next) => {
            review.replace(next);
            setNotice(`Signed ${level.id}.`);
          }}
        />
      ))}
      {optional.length > 0 && (
        <details class="optional-levels">
          <summary>Levels not required at this grade ({optional.length})</summary>
          {optional.map((level) => (
            <LevelCard key={level.id} level={level} view={view} signed={review.replace} />
          ))}
        </details>
      )}
      <RecordTransfer draftKey={draft.key} imported={() => void review.refresh()} />
    </section>
  );
}

/** "L1 → L1b ∥ L2 ∥ L3 → L4": each level after the longest chain of levels it waits for. */
function pathOf(levels: LevelView[]): string {
  const depth = new Map<string, number>();
  for (const l of levels) {
    depth.set(l.id, Math.max(0, ...l.after.map((d) => (depth.get(d) ?? -1) + 1)));
  }
  const steps: string[][] = [];
  for (const l of levels) (steps[depth.get(l.id)!] ??= []).push(l.id);
  return steps
    .filter(Boolean)
    .map((ids) => ids.join(' ∥ '))
    .join(' → ');
}
