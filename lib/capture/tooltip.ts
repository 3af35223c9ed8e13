// The one place a finding's words appear in the page: a small tooltip in Lectern's closed shadow
// root, shown only while the user hovers a mark or puts the caret in it, and removed after.
import { COLOURS, type Severity } from './highlights';
import { lecternRoot, type LecternRoot } from './host';

export interface TipContent {
  severity: Severity;
  label: string;
  message: string;
}

const SEVERITY_WORDS: Record<Severity, string> = {
  info: 'Info',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

const CSS = `
.tip { position: fixed; max-width: min(22rem, calc(100vw - 16px)); box-sizing: border-box;
  padding: 6px 9px; border-radius: 6px; border: 1px solid #d0d7de; border-left-width: 4px;
  background: #fff; color: #1f2328; box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
  font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; pointer-events: none;
  text-align: left; white-space: normal; }
.tip strong { display: block; font-weight: 600; margin-bottom: 2px; }
.tip .by { display: block; margin-top: 3px; color: #57606a; font-size: 11px; }
@media (prefers-color-scheme: dark) {
  .tip { background: #161b22; color: #e6edf3; border-color: #30363d; }
  .tip .by { color: #9da7b3; }
}
`;

export class Tooltip {
  private owner: LecternRoot | null = null;
  private el: HTMLDivElement | null = null;
  shownFor: unknown = null;

  constructor(private readonly doc: Document) {}

  /** Shows the finding below (or above) the mark's box; `key` identifies the mark. */
  show(key: unknown, content: TipContent, box: DOMRect): void {
    if (this.shownFor === key && this.el) return;
    this.owner ??= lecternRoot(this.doc, this, CSS);
    if (!this.el) {
      this.el = this.doc.createElement('div');
      this.el.className = 'tip';
      this.el.setAttribute('role', 'tooltip');
      this.el.setAttribute('aria-live', 'polite');
      this.owner.root.appendChild(this.el);
    }
    this.shownFor = key;
    const tip = this.el;
    tip.style.borderLeftColor = COLOURS[content.severity].line;
    const head = this.doc.createElement('strong');
    head.textContent = `${SEVERITY_WORDS[content.severity]} · ${content.label}`;
    const body = this.doc.createElement('span');
    body.textContent = content.message;
    const by = this.doc.createElement('span');
    by.className = 'by';
    by.textContent = 'Lectern';
    tip.replaceChildren(head, body, by);
    this.position(box);
  }

  hide(): void {
    this.shownFor = null;
    this.el?.remove();
    this.el = null;
    this.owner?.release();
    this.owner = null;
  }

  private position(box: DOMRect): void {
    const tip = this.el!;
    const view = this.doc.defaultView!;
    tip.style.left = '0px';
    tip.style.top = '0px';
    const { width, height } = tip.getBoundingClientRect();
    const left = Math.max(8, Math.min(box.left, view.innerWidth - width - 8));
    const below = box.bottom + 6;
    const top = below + height > view.innerHeight - 4 ? Math.max(4, box.top - height - 6) : below;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }
}
