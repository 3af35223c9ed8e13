// A selector that finds the same editor after a reload: an id or name when unique, else a path
// of :nth-of-type steps from the nearest element with a unique id. " >>> " steps into a shadow
// root, which querySelector cannot cross.
import { shadowRootOf } from './editor';

const SHADOW = ' >>> ';

type Root = Document | ShadowRoot;

export function stableSelector(el: Element): string {
  const parts: string[] = [];
  let current: Element = el;
  for (;;) {
    const root = current.getRootNode() as Root;
    parts.unshift(selectorWithin(current, root));
    if (!(root instanceof ShadowRoot)) break;
    current = root.host;
  }
  return parts.join(SHADOW);
}

export function resolveSelector(selector: string, doc: Document = document): Element | null {
  let root: Root | null = doc;
  let found: Element | null = null;
  for (const part of selector.split(SHADOW)) {
    if (!root) return null;
    found = findWithin(root, part);
    root = found ? shadowRootOf(found) : null;
  }
  return found;
}

/** Candidates are checked by recomputing their selector, so a path step never matches deeper. */
function findWithin(root: Root, part: string): Element | null {
  let candidates: Element[];
  try {
    candidates = [...root.querySelectorAll(part)];
  } catch {
    return null;
  }
  return candidates.find((c) => selectorWithin(c, root) === part) ?? null;
}

function selectorWithin(el: Element, root: Root): string {
  if (el.id && isUnique(root, `#${CSS.escape(el.id)}`)) return `#${CSS.escape(el.id)}`;

  const tag = el.localName;
  const name = el.getAttribute('name');
  const byName = name ? `${tag}[name="${CSS.escape(name)}"]` : '';
  if (byName && isUnique(root, byName)) return byName;

  const steps: string[] = [];
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (cur !== el && cur.id && isUnique(root, `#${CSS.escape(cur.id)}`)) {
      steps.unshift(`#${CSS.escape(cur.id)}`);
      break;
    }
    steps.unshift(`${cur.localName}:nth-of-type(${indexOfType(cur)})`);
  }
  return steps.join(' > ');
}

function isUnique(root: Root, selector: string): boolean {
  try {
    return root.querySelectorAll(selector).length === 1;
  } catch {
    return false;
  }
}

function indexOfType(el: Element): number {
  let index = 1;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) {
    if (s.localName === el.localName) index++;
  }
  return index;
}
