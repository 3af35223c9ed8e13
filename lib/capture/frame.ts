// Where a frame sits in the page, for the draft identity. Runs in every frame the content script
// is injected into; cross-origin parents can still be compared by window reference.

/** "0/2": the index of each frame in its parent's frames, from the top; "" for the top. */
export function framePath(win: Window = window): string {
  const steps: number[] = [];
  for (let w = win; w !== w.parent; w = w.parent) {
    steps.unshift(indexInParent(w));
  }
  return steps.join('/');
}

function indexInParent(w: Window): number {
  const siblings = w.parent.frames;
  for (let i = 0; i < siblings.length; i++) {
    if (siblings[i] === w) return i;
  }
  return -1;
}

/** origin + path of the top-level page; a frame that cannot see it uses its own. */
export function topPage(win: Window = window): string {
  try {
    const top = win.top?.location ?? win.location;
    return `${top.origin}${top.pathname}`;
  } catch {
    return `${win.location.origin}${win.location.pathname}`;
  }
}
