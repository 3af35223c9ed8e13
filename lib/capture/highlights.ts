// Marks in contenteditable editors with the CSS Custom Highlight API: ranges registered in
// CSS.highlights and a ::highlight() rule in a constructed stylesheet, so the editor's DOM, its
// undo history and the caret are untouched. Page scripts can read CSS.highlights, so the names
// are random and carry nothing but the ranges themselves (no finding text, no severity word).
import { adoptCss } from './host';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Underline colour and a light fill per severity; the tooltip says the severity in words. */
export const COLOURS: Record<Severity, { line: string; fill: string; style: string }> = {
  info: { line: 'rgb(37 99 235)', fill: 'rgb(37 99 235 / 0.10)', style: 'dotted' },
  low: { line: 'rgb(37 99 235)', fill: 'rgb(37 99 235 / 0.14)', style: 'dotted' },
  medium: { line: 'rgb(217 119 6)', fill: 'rgb(245 158 11 / 0.22)', style: 'wavy' },
  high: { line: 'rgb(220 38 38)', fill: 'rgb(239 68 68 / 0.20)', style: 'wavy' },
  critical: { line: 'rgb(185 28 28)', fill: 'rgb(239 68 68 / 0.30)', style: 'wavy' },
};

interface HighlightRegistryLike {
  set(name: string, highlight: unknown): void;
  delete(name: string): boolean;
}

function registryOf(doc: Document): HighlightRegistryLike | null {
  const css = doc.defaultView?.CSS as { highlights?: HighlightRegistryLike } | undefined;
  return css?.highlights ?? null;
}

export function highlightsSupported(doc: Document = document): boolean {
  return !!registryOf(doc) && typeof doc.defaultView?.Highlight === 'function';
}

export class Highlights {
  private readonly names: string[];
  private readonly css: string;
  private active = false;

  constructor(private readonly doc: Document = document) {
    const prefix = `h${Math.random().toString(36).slice(2, 8)}`;
    this.names = SEVERITIES.map((_, i) => `${prefix}${i}`);
    this.css = SEVERITIES.map((s, i) => rule(this.names[i], s)).join('\n');
  }

  /** Paints the ranges; `root` is where the editor's text lives (a shadow root needs the rule too). */
  paint(ranges: Array<{ range: Range; severity: Severity }>, root: Document | ShadowRoot): void {
    const registry = registryOf(this.doc);
    const HighlightCtor = this.doc.defaultView?.Highlight;
    if (!registry || !HighlightCtor) return;
    adoptCss(this.doc, this.css);
    if (root !== this.doc) adoptCss(root, this.css);
    SEVERITIES.forEach((severity, i) => {
      const mine = ranges.filter((r) => r.severity === severity).map((r) => r.range);
      if (mine.length === 0) {
        registry.delete(this.names[i]);
        return;
      }
      const highlight = new HighlightCtor(...mine);
      highlight.priority = i;
      registry.set(this.names[i], highlight);
    });
    this.active = true;
  }

  clear(): void {
    if (!this.active) return;
    const registry = registryOf(this.doc);
    for (const name of this.names) registry?.delete(name);
    this.active = false;
  }
}

function rule(name: string, severity: Severity): string {
  const c = COLOURS[severity];
  return (
    `::highlight(${name}) { background-color: ${c.fill}; ` +
    `text-decoration: underline ${c.style} ${c.line}; text-decoration-skip-ink: none; }`
  );
}
