// Finding the editor the user is writing in: a <textarea>, the editing host of a contenteditable
// region, or the root of a block editor (one contenteditable per paragraph), also inside shadow
// roots. Nothing else is ever read: inputs (passwords among them) are not editors here.

/** `blocks`: `el` is a block editor's root and the draft is the text of all its editables. */
export type Editor =
  | { kind: 'textarea'; el: HTMLTextAreaElement }
  | { kind: 'contenteditable'; el: HTMLElement; blocks?: boolean };

/** `input` and `focusin` are composed: the real target is the first node of the path, not the host. */
export function editorFromEvent(event: Event): Editor | null {
  const first = event.composedPath()[0];
  return first instanceof Node ? editorAt(first) : null;
}

export function editorAt(node: Node): Editor | null {
  const el = node instanceof Element ? deepFocus(node) : node.parentElement;
  if (!el) return null;

  if (el instanceof HTMLTextAreaElement) {
    return el.readOnly || el.disabled || isSecret(el) ? null : { kind: 'textarea', el };
  }
  if (el instanceof HTMLElement && el.isContentEditable) {
    const host = editingHost(el);
    if (isSecret(host)) return null;
    const root = blockRoot(host);
    return root
      ? { kind: 'contenteditable', el: root, blocks: true }
      : { kind: 'contenteditable', el: host };
  }
  return null;
}

/** The editor an element stands for: itself, its editing host, or a block editor's root. */
export function editorOf(el: Element): Editor | null {
  const direct = editorAt(el);
  if (direct) return direct;
  const inner = el.querySelector(EDITABLE);
  const editor = inner ? editorAt(inner) : null;
  return editor?.el === el ? editor : null;
}

const EDITABLE =
  '[contenteditable=""],[contenteditable="true" i],[contenteditable="plaintext-only" i]';

/** Fields a browser would treat as credentials or payment data, whatever element they are. */
const SECRET_AUTOCOMPLETE = /\b(current-password|new-password|one-time-code|cc-[a-z-]+)\b/i;

function isSecret(el: Element): boolean {
  if (SECRET_AUTOCOMPLETE.test(el.getAttribute('autocomplete') ?? '')) return true;
  // A page can opt a field out explicitly; some password managers mark fields this way too.
  return el.closest('[data-lectern="off"]') !== null;
}

/** The focused element, looking through (open, and in Chrome closed) shadow roots. */
export function deepActiveElement(doc: Document = document): Element | null {
  const active = doc.activeElement;
  return active ? deepFocus(active) : null;
}

function deepFocus(el: Element): Element {
  let current = el;
  for (;;) {
    const inner = shadowRootOf(current)?.activeElement;
    if (!inner) return current;
    current = inner;
  }
}

/** Closed roots are reachable from content scripts only: chrome.dom in Chrome, a method in Firefox. */
export function shadowRootOf(el: Element): ShadowRoot | null {
  if (el.shadowRoot) return el.shadowRoot;
  try {
    const firefox = (el as Element & { openOrClosedShadowRoot?: () => ShadowRoot | null })
      .openOrClosedShadowRoot;
    if (firefox) return firefox.call(el);
    const chromeDom = (globalThis as { chrome?: { dom?: ChromeDom } }).chrome?.dom;
    return chromeDom?.openOrClosedShadowRoot?.(el) ?? null;
  } catch {
    return null;
  }
}

interface ChromeDom {
  openOrClosedShadowRoot?: (el: Element) => ShadowRoot | null;
}

/** Typing lands in a nested node; the draft is the whole editable region. */
export function editingHost(el: HTMLElement): HTMLElement {
  let host = el;
  while (host.parentElement instanceof HTMLElement && host.parentElement.isContentEditable) {
    host = host.parentElement;
  }
  return host;
}

/** Block markers of Gutenberg (data-block), Notion (data-block-id) and Editor.js (.ce-block). */
const BLOCK = '[data-block], [data-block-id], .ce-block';

/**
 * A block editor gives each paragraph its own editing host; the draft is all of them. The root
 * is the parent of the outermost block, or the parent of sibling editing hosts.
 */
function blockRoot(host: HTMLElement): HTMLElement | null {
  let outermost: Element | null = null;
  for (let b = host.closest(BLOCK); b; b = b.parentElement?.closest(BLOCK) ?? null) outermost = b;
  const root = outermost?.parentElement ?? siblingRoot(host);
  return root instanceof HTMLElement && !isPageRoot(root) ? root : null;
}

/** Paragraph-level elements: editable ones side by side are blocks of one document. */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'blockquote']);

/** Two editable <div>s side by side are usually two fields (a reply and a note), not blocks. */
function siblingRoot(host: HTMLElement): HTMLElement | null {
  const parent = host.parentElement;
  if (!parent || parent.isContentEditable || !PARAGRAPH.has(host.localName)) return null;
  let hosts = 0;
  for (const child of parent.children) {
    if (child instanceof HTMLElement && PARAGRAPH.has(child.localName) && child.isContentEditable) {
      hosts++;
    }
  }
  return hosts >= 2 ? parent : null;
}

/** Two separate editors on a page often share <body> as parent; that is no block editor. */
function isPageRoot(el: Element): boolean {
  return el.localName === 'body' || el.localName === 'html' || el.localName === 'form';
}

/** Chrome keeps a shadow tree's selection on its root; elsewhere the document's is right. */
export function selectionIn(node: Node): Selection | null {
  const root = node.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
  if (root instanceof ShadowRoot && typeof root.getSelection === 'function') {
    return root.getSelection();
  }
  return (node.ownerDocument ?? document).getSelection();
}
