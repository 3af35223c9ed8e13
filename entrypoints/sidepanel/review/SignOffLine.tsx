// One decision as recorded: who, when, what, why, which findings they overrode, and whether
// the signature holds and whose key made it.
import type { SignOffView } from '@/lib/review/view';

import { iso, TRUST_WORDS, when } from './format';

export function SignOffLine({ signOff: s }: { signOff: SignOffView }) {
  return (
    <div class="signoff" data-testid="signoff">
      <p>
        {s.decision === 'approve' ? 'Approved' : 'Returned'} by <strong>{s.reviewer.name}</strong> (
        {s.reviewer.role}) at <time dateTime={iso(s.at)}>{when(s.at)}</time>.
        {s.grade && ` Grade then: ${s.grade}.`}
      </p>
      {s.comment && <blockquote class="comment">{s.comment}</blockquote>}
      {s.overrides.length > 0 && (
        <ul class="overrides">
          {s.overrides.map((o) => (
            <li key={`${o.rule}:${o.excerpt}`}>
              Overrode <q>{o.excerpt || o.rule}</q> ({ruleName(o.rule)}): {o.reason}
            </li>
          ))}
        </ul>
      )}
      <p class={`trust trust-${s.trust}`} data-testid="trust" data-trust={s.trust}>
        {TRUST_WORDS[s.trust]}
        {s.listedAs && ` (${s.listedAs})`} · key <code class="fingerprint">{s.fingerprint}</code>
      </p>
    </div>
  );
}

/** "core/marketing-superlatives" → "marketing superlatives" */
function ruleName(rule: string): string {
  return (rule.split('/').pop() ?? rule).replace(/-/g, ' ');
}
