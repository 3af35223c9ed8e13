// The per-field off switch: the user can tell Lectern to stop reading one field (a private note,
// a reply that is not a release). Remembered by the draft's identity, so it holds after reloads.
import { sendMessage, type PanelState } from '@/lib/messaging';

interface Props {
  state: PanelState;
  act: (task: () => Promise<PanelState | void>) => Promise<void>;
}

export function FieldSwitch({ state, act }: Props) {
  const draft = state.draft;
  if (!draft) return null;
  const set = (off: boolean) =>
    act(() => sendMessage('setFieldOff', { tabId: state.tabId, draftKey: draft.key, off }));
  if (draft.fieldOff) {
    return (
      <p class="empty" data-testid="field-off">
        Lectern no longer reads this field; this is its last review.{' '}
        <button type="button" onClick={() => set(false)}>
          Read this field again
        </button>
      </p>
    );
  }
  return (
    <p class="field-switch">
      <button type="button" onClick={() => set(true)}>
        Stop reading this field
      </button>
    </p>
  );
}
