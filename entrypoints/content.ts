// Capture: finds the editor the user is typing in and sends its plain text to the background,
// debounced. Small on purpose (no NLP, zod/mini only): it runs in every frame of the page.
// Production registers it at run time (toolbar click or "Turn on for this site"); the e2e
// build declares it for local test pages so tests need no clicks.
import { Capture } from '@/lib/capture/capture';
import { deepActiveElement, editorAt, type Editor } from '@/lib/capture/editor';
import { framePath, topPage } from '@/lib/capture/frame';
import { readEditor } from '@/lib/capture/read-text';
import { resolveSelector, stableSelector } from '@/lib/capture/selector';
import { selectSpan } from '@/lib/capture/select-span';
import {
  configureZod,
  MAX_DRAFT_CHARS,
  onMessage,
  SelectSpanSchema,
  sendMessage,
  type SelectResult,
} from '@/lib/messaging';

export default defineContentScript({
  ...(__LECTERN_E2E__
    ? { matches: ['http://127.0.0.1/*', 'http://localhost/*'] }
    : { registration: 'runtime' as const }),
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    configureZod();
    const capture = new Capture({ send: sendDraft });
    capture.start();
    const stop = () => {
      capture.stop();
      unlisten();
    };
    const unlisten = listen(stop);
    ctx.onInvalidated(stop);
    announce(capture);
  },
});

function sendDraft(editor: Editor, text: string): void {
  const id = { page: topPage(), frame: framePath(), selector: stableSelector(editor.el) };
  const draft = {
    id,
    kind: editor.kind,
    text: text.slice(0, MAX_DRAFT_CHARS),
    truncated: text.length > MAX_DRAFT_CHARS,
  };
  // The worker may be restarting or the extension reloading; the next keystroke retries.
  sendMessage('draftChanged', draft).catch(() => undefined);
}

/** The top frame says capture is on; any frame whose editor has focus sends it at once. */
function announce(capture: Capture): void {
  if (window === window.top) {
    sendMessage('captureStarted', { page: topPage() }).catch(() => undefined);
  }
  const active = deepActiveElement();
  const editor = active ? editorAt(active) : null;
  if (editor && readEditor(editor).text.trim()) capture.flushNow(editor);
}

/** After "Turn off for this site" the script stops listening and no longer answers pings. */
function listen(stop: () => void): () => void {
  const off = [
    onMessage('ping', () => ({ live: true as const })),
    onMessage('selectSpan', ({ data }) => select(SelectSpanSchema.parse(data))),
    onMessage('stopCapture', () => {
      stop();
      return { ok: true as const };
    }),
  ];
  return () => off.forEach((remove) => remove());
}

function select(request: { selector: string; start: number; end: number; excerpt: string }) {
  const el = resolveSelector(request.selector);
  const editor = el ? editorAt(el) : null;
  if (!editor) {
    return { ok: false, reason: 'The editor is no longer on the page.' } satisfies SelectResult;
  }
  if (!selectSpan(editor, request)) {
    return {
      ok: false,
      reason: 'The text changed since this review; that passage is no longer there.',
    } satisfies SelectResult;
  }
  return { ok: true } satisfies SelectResult;
}
