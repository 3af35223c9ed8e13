// The review tab: who signs, each level with its checklist and sign-off, and the record that
// travels to the next reviewer.
import type { PanelState } from '@/lib/messaging';

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
        Grade {GRADE_NAMES[view.grade]}: {required.map((l) => l.id).join(', ')}{' '}
        {required.length === 1 ? 'must approve' : 'must approve, in order'}. Approvals hold for
        these exact words only.
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
