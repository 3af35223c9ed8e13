// Lectern's own place in a page: one element appended to <html> (never inside an editor, and
// outside a contenteditable <body>) holding a closed shadow root, so page scripts and page CSS
// can neither read nor restyle what is inside. Created only when something must be shown.

export interface LecternRoot {
  root: ShadowRoot;
  release(): void;
}

const roots = new WeakMap<Document, { host: HTMLElement; root: ShadowRoot; users: Set<object> }>();

/** The document's Lectern root; `user` keeps it alive until it calls release(). */
export function lecternRoot(doc: Document, user: object, css: string): LecternRoot {
  let entry = roots.get(doc);
  if (!entry || !entry.host.isConnected) {
    const host = doc.createElement('div');
    for (const [name, value] of Object.entries(HOST_STYLE)) {
      host.style.setProperty(name, value, 'important');
    }
    const root = host.attachShadow({ mode: 'closed' });
    doc.documentElement.appendChild(host);
    entry = { host, root, users: new Set() };
    roots.set(doc, entry);
  }
  const current = entry;
  current.users.add(user);
  adoptCss(current.root, css);
  return {
    root: current.root,
    release() {
      current.users.delete(user);
      if (current.users.size === 0) current.host.remove();
    },
  };
}

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'absolute',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  overflow: 'visible',
  'z-index': '2147483647',
  'pointer-events': 'none',
};

const sheets = new WeakMap<Document, Map<string, CSSStyleSheet>>();

/**
 * Adds a constructed stylesheet to a document or shadow root, once. A page that assigns
 * adoptedStyleSheets afresh drops it; calling this again puts it back.
 */
export function adoptCss(root: Document | ShadowRoot, css: string): void {
  const doc = root instanceof Document ? root : root.ownerDocument;
  const view = doc.defaultView;
  if (!view) return;
  let byCss = sheets.get(doc);
  if (!byCss) sheets.set(doc, (byCss = new Map()));
  let sheet = byCss.get(css);
  if (!sheet) {
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    byCss.set(css, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
