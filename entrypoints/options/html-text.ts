// Text of an HTML release file, as a reader would copy it from the page: scripts, styles and
// navigation dropped, one line per block, a blank line between paragraphs. The published date
// comes from the page's metadata when it has one.

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'head', 'iframe']);
const PARAGRAPH = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'figure',
]);
const LINE = new Set(['div', 'li', 'tr', 'dt', 'dd', 'address', 'figcaption', 'main', 'aside']);

const LINE_MARK = '\u0001';
const PARAGRAPH_MARK = '\u0002';

export interface HtmlRelease {
  text: string;
  title?: string;
  /** "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" from the page's metadata */
  date?: string;
}

export function readHtml(html: string, parser: DOMParser = new DOMParser()): HtmlRelease {
  const doc = parser.parseFromString(html, 'text/html');
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  const parts: string[] = [];
  if (root) walk(root, parts);
  // Block edges are marks first, so two list items meeting make one line break, not two.
  const text = parts
    .join('')
    .replace(/[\s\u0001\u0002]*[\u0001\u0002][\s\u0001\u0002]*/g, (run) =>
      run.includes(PARAGRAPH_MARK) ? '\n\n' : '\n',
    )
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
  const title = doc.querySelector('title')?.textContent?.trim();
  const date = dateOf(doc);
  return { text, ...(title ? { title } : {}), ...(date ? { date } : {}) };
}

function walk(node: Node, out: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      out.push((child.textContent ?? '').replace(/\s+/g, ' '));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const tag = (child as Element).tagName.toLowerCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'br') {
      out.push(LINE_MARK);
      continue;
    }
    const gap = PARAGRAPH.has(tag) ? PARAGRAPH_MARK : LINE.has(tag) ? LINE_MARK : '';
    out.push(gap);
    walk(child, out);
    out.push(gap);
  }
}

function dateOf(doc: Document): string | undefined {
  const raw =
    doc
      .querySelector(
        'meta[property="article:published_time"], meta[name="date"], meta[name="dcterms.date"]',
      )
      ?.getAttribute('content') ?? doc.querySelector('time[datetime]')?.getAttribute('datetime');
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(raw ?? '');
  if (!m) return undefined;
  return m[2] ? `${m[1]} ${m[2]}` : m[1];
}
