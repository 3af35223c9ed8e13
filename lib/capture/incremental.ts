// Reading a long draft again after a keystroke: only the top-level blocks that changed are read
// again. A MutationObserver notes which blocks changed; it does no reading itself, so typing
// costs nothing but the browser's own bookkeeping until the debounced read.
import type { Editor } from './editor';
import { readContentEditable, readTextarea, type Chunk, type ReadText } from './read-text';

/** Attributes that decide what counts as the draft (quotes, signatures, editables). */
const WATCHED_ATTRIBUTES = [
  'class',
  'id',
  'type',
  'contenteditable',
  'aria-hidden',
  'data-mce-bogus',
];
/** Editors read recently; older ones stop being observed. */
const KEEP = 4;

const readers = new Map<HTMLElement, IncrementalReader>();

export function readEditorIncrementally(editor: Editor): ReadText {
  if (editor.kind === 'textarea') return readTextarea(editor.el);
  let reader = readers.get(editor.el);
  if (reader) readers.delete(editor.el);
  else reader = new IncrementalReader(editor.el, !!editor.blocks);
  readers.set(editor.el, reader);
  for (const [el, old] of readers) {
    if (readers.size <= KEEP) break;
    old.disconnect();
    readers.delete(el);
  }
  return reader.read();
}

/** Stops observing every editor (capture was turned off). */
export function forgetReaders(): void {
  for (const reader of readers.values()) reader.disconnect();
  readers.clear();
}

export class IncrementalReader {
  private readonly chunks = new Map<Node, Chunk>();
  private readonly observer: MutationObserver;
  private preserve: boolean | undefined;

  constructor(
    private readonly host: HTMLElement,
    private readonly blocks: boolean,
  ) {
    const view = host.ownerDocument.defaultView ?? window;
    this.observer = new view.MutationObserver((records) => this.invalidate(records));
    this.observer.observe(host, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
  }

  read(): ReadText {
    this.invalidate(this.observer.takeRecords());
    const view = this.host.ownerDocument.defaultView;
    const ws = view?.getComputedStyle(this.host).whiteSpace ?? '';
    const preserve = ['pre', 'pre-wrap', 'pre-line', 'break-spaces'].includes(ws);
    if (preserve !== this.preserve) this.chunks.clear();
    this.preserve = preserve;
    return readContentEditable(
      this.host,
      { preserveSpaces: preserve, blocks: this.blocks },
      this.chunks,
    );
  }

  disconnect(): void {
    this.observer.disconnect();
    this.chunks.clear();
  }

  private invalidate(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.target === this.host) {
        record.removedNodes.forEach((n) => this.chunks.delete(n));
        if (record.type === 'attributes') this.chunks.clear();
        continue;
      }
      const top = topLevel(this.host, record.target);
      if (top) this.chunks.delete(top);
    }
  }
}

function topLevel(host: Node, node: Node): Node | null {
  let current: Node | null = node;
  while (current && current.parentNode !== host) current = current.parentNode;
  return current;
}
