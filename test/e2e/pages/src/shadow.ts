// An editor inside an open shadow root: ProseMirror mounted in a custom element's shadow tree,
// with its styles adopted there (the page's styles do not reach in).
import { expose } from './expose';
import { mountProseMirror } from './pm';

const PM_CSS = `.ProseMirror { white-space: pre-wrap; word-wrap: break-word; outline: none;
  border: 1px solid #999; padding: 8px; min-height: 6em; font: 16px/1.5 serif; }
.ProseMirror p { margin: 0 0 0.5em; }`;

class DraftEditor extends HTMLElement {
  connectedCallback(): void {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PM_CSS);
    root.adoptedStyleSheets = [sheet];
    const place = document.createElement('div');
    place.className = 'place';
    root.appendChild(place);
    const view = mountProseMirror(place, this.getAttribute('initial') ?? '', root);
    expose({
      markup: () => view.dom.innerHTML,
      submitted: () => JSON.stringify(view.state.doc.toJSON()),
    });
  }
}

customElements.define('draft-editor', DraftEditor);
