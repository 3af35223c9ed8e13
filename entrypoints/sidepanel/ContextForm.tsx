// Release type and context flags: the user's choice wins; without one the engine infers both
// and the panel says so, with the engine's reasons.
import {
  CONTEXT_FLAGS,
  RELEASE_TYPES,
  type ContextFlag,
  type ContextInput,
  type ReleaseType,
  type Report,
} from '@/lib/engine/types';

import { FLAG_NAMES, TYPE_NAMES } from './labels';

interface Props {
  report: Report;
  choice: ContextInput | null;
  setChoice: (choice: ContextInput | null) => void;
}

export function ContextForm({ report, choice, setChoice }: Props) {
  const { context } = report;
  const chosenType = choice?.type ?? '';

  const onType = (value: string) => {
    if (!value) return setChoice(choice?.flags ? { flags: choice.flags } : null);
    // Keep the flags now shown, so picking a type does not silently drop them.
    setChoice({ type: value as ReleaseType, flags: [...context.flags] });
  };
  const onFlag = (flag: ContextFlag, on: boolean) => {
    const flags = CONTEXT_FLAGS.filter((f) => (f === flag ? on : context.flags.includes(f)));
    setChoice({ ...(choice?.type ? { type: choice.type } : {}), flags });
  };

  return (
    <section class="context" aria-labelledby="context-heading">
      <h2 id="context-heading">Release context</h2>
      <label class="field">
        <span>Release type</span>
        <select value={chosenType} onChange={(e) => onType(e.currentTarget.value)}>
          <option value="">Infer from the text</option>
          {RELEASE_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_NAMES[t]}
            </option>
          ))}
        </select>
      </label>
      {context.inferred && (
        <p class="inferred" data-testid="inferred">
          Inferred from the text: {TYPE_NAMES[context.type]}
          {context.reasons?.length ? ` (${context.reasons.join('; ')})` : ''}.
        </p>
      )}
      <details class="flags-box">
        <summary>
          Context flags{choice?.flags ? '' : ' (inferred)'}:{' '}
          {context.flags.length ? context.flags.map((f) => FLAG_NAMES[f]).join(', ') : 'none'}
        </summary>
        <fieldset class="flags">
          <legend class="visually-hidden">Context flags</legend>
          {CONTEXT_FLAGS.map((flag) => (
            <label key={flag} class="flag">
              <input
                type="checkbox"
                checked={context.flags.includes(flag)}
                onChange={(e) => onFlag(flag, e.currentTarget.checked)}
              />
              {FLAG_NAMES[flag]}
            </label>
          ))}
        </fieldset>
      </details>
      {choice && (
        <button type="button" class="link" onClick={() => setChoice(null)}>
          Infer type and flags from the text again
        </button>
      )}
    </section>
  );
}
