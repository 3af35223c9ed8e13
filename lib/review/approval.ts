// "Sent ≠ approved": the text that every required level approved, so the panel can warn when
// the words in the editor are not those words. Lectern only warns; the page's own publish or
// send button is never touched.
import type { Grade, ReviewContext } from '../engine/types';
import { requiredLevels, type Level } from './levels';
import { levelStatuses, type SignOff } from './signoff';

export interface FullApproval {
  textHash: string;
  /** when the last of the required approvals was given */
  at: string;
  /** the levels that approved it */
  levels: string[];
}

/**
 * The most recently approved text for which every level required at its grade stands approved.
 * `gradeOf` gives the grade a text had (the sign-offs record it; the current report knows the
 * current text's).
 */
export function lastFullApproval(
  levels: Level[],
  signOffs: SignOff[],
  context: Pick<ReviewContext, 'flags'>,
  gradeOf: (textHash: string) => Grade,
): FullApproval | undefined {
  for (const textHash of approvedHashesNewestFirst(signOffs)) {
    const required = requiredLevels(levels, gradeOf(textHash), context);
    const statuses = levelStatuses(levels, signOffs, textHash);
    if (required.length === 0 || required.some((id) => statuses.get(id)?.state !== 'approved')) {
      continue;
    }
    const at = required
      .map((id) => {
        const status = statuses.get(id);
        return status?.state === 'approved' ? status.signOff.at : '';
      })
      .sort()
      .at(-1)!;
    return { textHash, at, levels: required };
  }
  return undefined;
}

/** The grade a text was signed at: the highest any of its sign-offs recorded. */
export function signedGrade(signOffs: SignOff[], textHash: string): Grade | undefined {
  const order: Grade[] = ['low', 'medium', 'high', 'critical'];
  const grades = signOffs
    .filter((s) => s.textHash === textHash && s.grade)
    .map((s) => order.indexOf(s.grade!));
  return grades.length ? order[Math.max(...grades)] : undefined;
}

function approvedHashesNewestFirst(signOffs: SignOff[]): string[] {
  const approvals = signOffs
    .filter((s) => s.decision === 'approve')
    .sort((a, b) => b.at.localeCompare(a.at));
  return [...new Set(approvals.map((s) => s.textHash))];
}
