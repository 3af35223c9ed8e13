// Looking at what Lectern did in a page from the outside, as a page script or the browser could:
// the highlights registered in CSS.highlights, Lectern's closed shadow root (through the DevTools
// protocol, which sees into closed roots), and the drafts the extension stored.
import type { Frame, Page } from 'playwright-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every highlighted range in a frame, with its text and its box in the frame's viewport. */
export function highlights(
  frame: Frame,
): Promise<Array<{ name: string; text: string; box: Box; inQuote: boolean }>> {
  return frame.evaluate(() => {
    const out: Array<{ name: string; text: string; box: Box; inQuote: boolean }> = [];
    for (const [name, highlight] of CSS.highlights) {
      for (const range of highlight as unknown as Iterable<Range>) {
        const r = range.getBoundingClientRect();
        const start = range.startContainer;
        const el = start instanceof Element ? start : start.parentElement;
        const inQuote = !!el?.closest('blockquote, .gmail_quote, .signature, .gmail_signature');
        out.push({
          name,
          text: range.toString(),
          box: { x: r.left, y: r.top, width: r.width, height: r.height },
          inQuote,
        });
      }
    }
    return out;
  });
}

/** Where a frame's viewport starts in the page's, for mouse coordinates. */
export async function frameOffset(frame: Frame): Promise<{ x: number; y: number }> {
  const element = await frame.frameElement().catch(() => null);
  if (!element) return { x: 0, y: 0 };
  const offset = await element.evaluate((node) => {
    const el = node as Element;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return {
      x: r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft),
      y: r.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop),
    };
  });
  const parent = frame.parentFrame();
  const outer = parent ? await frameOffset(parent) : { x: 0, y: 0 };
  return { x: offset.x + outer.x, y: offset.y + outer.y };
}

interface CdpNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/** Elements anywhere in the page, closed shadow roots and frames included, with their text and box. */
export async function pierce(
  page: Page,
  match: (attributes: Record<string, string>, name: string) => boolean,
): Promise<Array<{ attributes: Record<string, string>; text: string; box: Box | null }>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const found: Array<{ node: CdpNode; attributes: Record<string, string> }> = [];
    const walk = (node: CdpNode) => {
      const attributes: Record<string, string> = {};
      for (let i = 0; i + 1 < (node.attributes?.length ?? 0); i += 2) {
        attributes[node.attributes![i]] = node.attributes![i + 1];
      }
      if (node.nodeName !== '#text' && match(attributes, node.nodeName.toLowerCase()))
        found.push({ node, attributes });
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
      if (node.contentDocument) walk(node.contentDocument);
    };
    walk(root);
    const out = [];
    for (const { node, attributes } of found) {
      const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: node.nodeId })) as {
        outerHTML: string;
      };
      let box: Box | null = null;
      try {
        const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as {
          model: { border: number[]; width: number; height: number };
        };
        box = { x: model.border[0], y: model.border[1], width: model.width, height: model.height };
      } catch {
        box = null;
      }
      out.push({ attributes, text: textOf(outerHTML), box });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The tooltip's text, if one is shown (it lives in Lectern's closed shadow root). */
export async function tooltipText(page: Page): Promise<string | null> {
  const tips = await pierce(page, (a) => a.role === 'tooltip');
  return tips[0]?.text ?? null;
}

/** The marked spans of a textarea's overlay, with their boxes in the page. */
export function overlayMarks(page: Page): Promise<Array<{ text: string; box: Box | null }>> {
  return pierce(page, (a, name) => name === 'span' && a['data-i'] !== undefined);
}

export interface StoredDraft {
  key: string;
  text: string;
  id: { page: string; frame: string; selector: string };
  updatedAt: number;
}

/** The drafts the extension stored, read from its IndexedDB through one of its pages. */
export function storedDrafts(extensionPage: Page): Promise<StoredDraft[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<StoredDraft[]>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('drafts').objectStore('drafts').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as StoredDraft[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** The text of the draft stored last for a page path, or null. */
export async function storedText(extensionPage: Page, path: string): Promise<string | null> {
  const drafts = (await storedDrafts(extensionPage)).filter(
    (d) => new URL(d.id.page).pathname === path,
  );
  drafts.sort((a, b) => b.updatedAt - a.updatedAt);
  return drafts[0]?.text ?? null;
}
