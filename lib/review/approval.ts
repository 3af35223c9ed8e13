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
 * The last text that every level required at its grade approved, replaying the sign-offs in
 * time order: a text stays the approved one while later sign-offs work towards a new text, so
 * the panel keeps warning until that new text is approved in full. A return of the approved
 * text withdraws it. `gradeOf` gives the grade a text had.
 */
export function lastFullApproval(
  levels: Level[],
  signOffs: SignOff[],
  context: Pick<ReviewContext, 'flags'>,
  gradeOf: (textHash: string) => Grade,
): FullApproval | undefined {
  const ordered = [...signOffs].sort((a, b) => a.at.localeCompare(b.at));
  let last: FullApproval | undefined;
  ordered.forEach((s, i) => {
    if (s.decision === 'return') {
      if (last?.textHash === s.textHash) last = undefined;
      return;
    }
    const required = requiredLevels(levels, gradeOf(s.textHash), context);
    const statuses = levelStatuses(levels, ordered.slice(0, i + 1), s.textHash);
    if (required.length && required.every((id) => statuses.get(id)?.state === 'approved')) {
      last = { textHash: s.textHash, at: s.at, levels: required };
    }
  });
  return last;
}

/** The grade a text was signed at: the highest any of its sign-offs recorded. */
export function signedGrade(signOffs: SignOff[], textHash: string): Grade | undefined {
  const order: Grade[] = ['low', 'medium', 'high', 'critical'];
  const grades = signOffs
    .filter((s) => s.textHash === textHash && s.grade)
    .map((s) => order.indexOf(s.grade!));
  return grades.length ? order[Math.max(...grades)] : undefined;
}
