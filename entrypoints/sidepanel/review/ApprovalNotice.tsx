// "Sent ≠ approved". When the words in the editor are not the words every required level
// approved, the panel says so before anything else, with what changed. Lectern only warns: the
// page's own send and publish buttons are never touched.
import type { ApprovalView } from '@/lib/review/view';

import { DiffLegend, DiffView } from './DiffView';
import { iso, when } from './format';

interface Props {
  approval: ApprovalView;
  openReview: () => void;
}

export function ApprovalNotice({ approval, openReview }: Props) {
  if (approval.state === 'none') return null;
  if (approval.state === 'current') {
    return (
      <p class="approval approval-current" role="status" data-testid="approval-current">
        <strong>Approved text.</strong> This is the text {approval.levels.join(', ')} approved at{' '}
        <time dateTime={iso(approval.at)}>{when(approval.at)}</time>.
      </p>
    );
  }
  return (
    <section class="approval approval-differs" role="alert" data-testid="approval-differs">
      <h2>Not the approved text</h2>
      <p>
        The draft in the page differs from the text {approval.levels.join(', ')} approved at{' '}
        <time dateTime={iso(approval.at)}>{when(approval.at)}</time>. If you send or publish it now,
        you send words nobody approved. Lectern does not stop you; check the changes below, or{' '}
        <button type="button" class="link" onClick={openReview}>
          ask for the review again
        </button>
        .
      </p>
      {approval.diff ? (
        <>
          <DiffLegend added={approval.added} removed={approval.removed} />
          <DiffView parts={approval.diff} testId="approval-diff" />
        </>
      ) : (
        <p class="muted">
          The approved text is not stored on this computer, so the changes cannot be shown.
        </p>
      )}
    </section>
  );
}
