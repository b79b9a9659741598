/** The first row at least partly visible and how far the view is scrolled into it. */
export interface ScrollAnchor {
  id: string;
  offset: number;
}

/** Where the list is scrolled, as the row it shows at the top rather than a pixel count. */
export function anchorAt(ids: readonly string[], scrollTop: number, rowHeight: number): ScrollAnchor | null {
  if (scrollTop <= 0) return null;
  const index = Math.min(Math.floor(scrollTop / rowHeight), ids.length - 1);
  const id = ids[index];
  return id === undefined ? null : { id, offset: scrollTop - index * rowHeight };
}

/** The scroll position that shows the anchor row where it was; null when the row is gone. */
export function scrollTopFor(ids: readonly string[], anchor: ScrollAnchor, rowHeight: number): number | null {
  const index = ids.indexOf(anchor.id);
  return index === -1 ? null : index * rowHeight + anchor.offset;
}

/** Conversations that moved above the anchor row since the previous rows (for the "N new" pill). */
export function arrivalsAbove(
  previous: readonly string[],
  next: readonly string[],
  anchorId: string,
): string[] {
  const before = previous.indexOf(anchorId);
  const wasAbove = new Set(before === -1 ? previous : previous.slice(0, before));
  const after = next.indexOf(anchorId);
  if (after === -1) return [];
  return next.slice(0, after).filter((id) => !wasAbove.has(id));
}
