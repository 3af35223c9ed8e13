// Finding the editor the user is writing in: a <textarea> or the editing host of a
// contenteditable region, also inside shadow roots. No NLP here: this runs in every page.

export type Editor =
  { kind: 'textarea'; el: HTMLTextAreaElement } | { kind: 'contenteditable'; el: HTMLElement };

/** `input` and `focusin` are composed: the real target is the first node of the path, not the host. */
export function editorFromEvent(event: Event): Editor | null {
  const first = event.composedPath()[0];
  return first instanceof Node ? editorAt(first) : null;
}

export function editorAt(node: Node): Editor | null {
  const el = node instanceof Element ? deepFocus(node) : node.parentElement;
  if (!el) return null;

  if (el instanceof HTMLTextAreaElement) {
    return el.readOnly || el.disabled ? null : { kind: 'textarea', el };
  }
  if (el instanceof HTMLElement && el.isContentEditable) {
    return { kind: 'contenteditable', el: editingHost(el) };
  }
  return null;
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
function editingHost(el: HTMLElement): HTMLElement {
  let host = el;
  while (host.parentElement instanceof HTMLElement && host.parentElement.isContentEditable) {
    host = host.parentElement;
  }
  return host;
}
