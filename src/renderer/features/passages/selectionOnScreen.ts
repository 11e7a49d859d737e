/** Where the page's selection (or caret) is on screen, for placing the tag picker beside it. */
export function selectionRect(): DOMRect | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const rect = range.getBoundingClientRect();
  if (rect.width > 0 || rect.height > 0) return rect;
  // A collapsed caret between nodes has no box: use its element's line.
  const node = range.startContainer;
  const element = node instanceof Element ? node : node.parentElement;
  return element?.getBoundingClientRect() ?? null;
}

/**
 * Keep the words being tagged visibly selected while the picker has the keyboard (the page's own selection
 * turns grey or vanishes once focus leaves the note), through the CSS Custom Highlight API where there is one.
 */
export function holdSelection(): void {
  const highlights = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  const selection = window.getSelection();
  if (!highlights || typeof Highlight === 'undefined' || !selection || selection.rangeCount === 0) return;
  const range = selection.getRangeAt(0);
  if (range.collapsed) highlights.delete('tagging');
  else highlights.set('tagging', new Highlight(range.cloneRange()));
}

export function releaseSelection(): void {
  (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights?.delete('tagging');
}
