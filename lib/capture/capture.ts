// The capture loop of the content script: notice which editor changed, read its text after a
// pause in typing, and hand it on. Listens only; never writes to the page.
import { editorFromEvent, type Editor } from './editor';
import { forgetReaders, readEditorIncrementally } from './incremental';

export const DEBOUNCE_MS = 300;

export interface CaptureOptions {
  /** called with the editor and its text once typing pauses */
  send: (editor: Editor, text: string) => void;
  /** false for a field the user told Lectern not to read: its text is not even read */
  accept?: (editor: Editor) => boolean;
  /** the user focused a field that is not read (so the panel can offer to read it again) */
  refused?: (editor: Editor) => void;
  doc?: Document;
  debounceMs?: number;
}

export class Capture {
  private pending: Editor | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | undefined;
  private readonly doc: Document;

  constructor(private readonly options: CaptureOptions) {
    this.doc = options.doc ?? document;
  }

  start(): void {
    this.listen();
    // A page script's document.open() (old TinyMCE/CKEditor iframes) erases every listener
    // on the document; the observer survives it and puts ours back.
    this.observer = new MutationObserver(() => this.listen());
    this.observer.observe(this.doc, { childList: true });
  }

  stop(): void {
    this.observer?.disconnect();
    this.doc.removeEventListener('input', this.onInput, true);
    this.doc.removeEventListener('beforeinput', this.onInput, true);
    this.doc.removeEventListener('focusin', this.onFocus, true);
    clearTimeout(this.timer);
    this.pending = null;
    forgetReaders();
  }

  /** Sends an editor's text now, e.g. the focused one when capture starts. */
  flushNow(editor: Editor): void {
    if (this.pending && this.pending.el !== editor.el) this.flush();
    clearTimeout(this.timer);
    this.pending = editor;
    this.flush();
  }

  private listen(): void {
    // Adding the same listener twice is a no-op, so re-adding after each mutation is safe.
    this.doc.addEventListener('input', this.onInput, true);
    // Editors that apply edits themselves (Lexical, Slate) cancel beforeinput, so no input
    // event follows; the debounced read still comes after their change.
    this.doc.addEventListener('beforeinput', this.onInput, true);
    this.doc.addEventListener('focusin', this.onFocus, true);
  }

  private readonly onInput = (event: Event): void => {
    const editor = editorFromEvent(event);
    if (editor) this.schedule(editor);
  };

  private readonly onFocus = (event: Event): void => {
    const editor = editorFromEvent(event);
    if (!editor) return;
    if (!this.accepts(editor)) this.options.refused?.(editor);
    else if (readEditorIncrementally(editor).text.trim()) this.schedule(editor);
  };

  private schedule(editor: Editor): void {
    if (this.pending && this.pending.el !== editor.el) this.flush();
    this.pending = editor;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? DEBOUNCE_MS);
  }

  private flush(): void {
    const editor = this.pending;
    this.pending = null;
    if (editor?.el.isConnected && this.accepts(editor)) {
      this.options.send(editor, readEditorIncrementally(editor).text);
    }
  }

  private accepts(editor: Editor): boolean {
    return this.options.accept?.(editor) ?? true;
  }
}
