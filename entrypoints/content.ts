// Capture: finds the editor the user is typing in and sends its plain text to the background,
// debounced; paints the review's marks without touching the editor. Small on purpose (no NLP,
// zod/mini only): it runs in every frame of the page. Production registers it at run time
// (toolbar click or "Turn on for this site"); the e2e build declares it for local test pages so
// tests need no clicks.
import { Capture } from '@/lib/capture/capture';
import { deepActiveElement, editorAt, editorOf, type Editor } from '@/lib/capture/editor';
import { framePath, topPage } from '@/lib/capture/frame';
import { readEditorIncrementally } from '@/lib/capture/incremental';
import { Marks } from '@/lib/capture/marks';
import { selectSpan } from '@/lib/capture/select-span';
import { resolveSelector, stableSelector } from '@/lib/capture/selector';
import {
  configureZod,
  FieldSwitchSchema,
  MAX_DRAFT_CHARS,
  onMessage,
  SelectSpanSchema,
  sendMessage,
  ShowMarksSchema,
  type SelectResult,
  type ShowMarks,
} from '@/lib/messaging';

/** A second injection (toolbar click on a site already turned on) replaces the first. */
const RUNNING = Symbol.for('lectern.capture.stop');

export default defineContentScript({
  ...(__LECTERN_E2E__
    ? { matches: ['http://127.0.0.1/*', 'http://localhost/*'] }
    : { registration: 'runtime' as const }),
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    configureZod();
    const scope = globalThis as { [RUNNING]?: () => void };
    scope[RUNNING]?.();

    const fieldsOff = new Set<string>();
    const capture = new Capture({
      send: sendDraft,
      accept: (editor) => !fieldsOff.has(stableSelector(editor.el)),
      refused: (editor) => {
        const id = { page: topPage(), frame: framePath(), selector: stableSelector(editor.el) };
        sendMessage('offFieldFocused', { id }).catch(() => undefined);
      },
    });
    const marks = new Marks();
    capture.start();
    const stop = () => {
      capture.stop();
      marks.stop();
      unlisten();
      if (scope[RUNNING] === stop) delete scope[RUNNING];
    };
    scope[RUNNING] = stop;
    const unlisten = listen({ stop, marks, capture, fieldsOff });
    ctx.onInvalidated(stop);
    void loadFieldsOff(fieldsOff).then(() => announce(capture, fieldsOff));
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

/** Fields of this frame the user told Lectern not to read; asked before anything is sent. */
async function loadFieldsOff(into: Set<string>): Promise<void> {
  try {
    const { fields } = await sendMessage('fieldsOff', { page: topPage() });
    const frame = framePath();
    for (const f of fields) if (f.frame === frame) into.add(f.selector);
  } catch {
    // An unreachable worker answers nothing; the background refuses such fields anyway.
  }
}

/** The top frame says capture is on; any frame whose editor has focus sends it at once. */
function announce(capture: Capture, fieldsOff: Set<string>): void {
  if (window === window.top) {
    sendMessage('captureStarted', { page: topPage() }).catch(() => undefined);
  }
  const active = deepActiveElement();
  const editor = active ? editorAt(active) : null;
  if (!editor || fieldsOff.has(stableSelector(editor.el))) return;
  if (readEditorIncrementally(editor).text.trim()) capture.flushNow(editor);
}

interface Running {
  stop: () => void;
  marks: Marks;
  capture: Capture;
  fieldsOff: Set<string>;
}

/** After "Turn off for this site" the script stops listening and no longer answers pings. */
function listen(running: Running): () => void {
  const off = [
    onMessage('ping', () => ({ live: true as const })),
    onMessage('selectSpan', ({ data }) => select(SelectSpanSchema.parse(data))),
    onMessage('showMarks', ({ data }) => {
      paint(running, ShowMarksSchema.parse(data));
      return { ok: true as const };
    }),
    onMessage('fieldSwitched', ({ data }) => {
      switchField(running, FieldSwitchSchema.parse(data));
      return { ok: true as const };
    }),
    onMessage('stopCapture', () => {
      running.stop();
      return { ok: true as const };
    }),
  ];
  return () => off.forEach((remove) => remove());
}

function paint({ marks, fieldsOff }: Running, request: ShowMarks): void {
  const el = request.frame === framePath() ? resolveSelector(request.selector) : null;
  const editor = el ? editorOf(el) : null;
  if (!editor || request.marks.length === 0 || fieldsOff.has(request.selector)) {
    marks.clear();
    return;
  }
  marks.show(editor, request.marks);
}

function switchField(running: Running, field: { frame: string; selector: string; off: boolean }) {
  if (field.frame !== framePath()) return;
  if (!field.off) {
    running.fieldsOff.delete(field.selector);
    const el = resolveSelector(field.selector);
    const editor = el ? editorOf(el) : null;
    if (editor) running.capture.flushNow(editor);
    return;
  }
  running.fieldsOff.add(field.selector);
  const shown = running.marks.shownIn;
  if (shown && stableSelector(shown.el) === field.selector) running.marks.clear();
}

function select(request: { selector: string; start: number; end: number; excerpt: string }) {
  const el = resolveSelector(request.selector);
  const editor = el ? editorOf(el) : null;
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
