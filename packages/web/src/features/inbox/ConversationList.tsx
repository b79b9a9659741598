import type { Conversation } from '@charla/contracts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './ConversationList.module.css';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow.tsx';
import { stepFrom, useRegisterConversationNavigation } from './conversation-navigation.ts';
import { anchorAt, arrivalsAbove, type ScrollAnchor, scrollTopFor } from './list-anchor.ts';

/** Start loading the next page this many rows before the end shows. */
const PREFETCH_ROWS = 15;

const KEY_STEPS: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };

type ConversationListProps = {
  rows: Conversation[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  selectedId: string | null;
  hrefFor: (conversationId: string) => string;
  onOpen: (conversationId: string) => void;
  label: string;
};

/**
 * The rows, virtualised: only what is on screen is in the page, so thousands scroll smoothly.
 * Live changes never move the rows under the agent: when scrolled down, the row at the top of
 * the view stays put and a pill counts the conversations that arrived above.
 */
export function ConversationList(props: ConversationListProps) {
  const { rows, hasMore, loadingMore, onLoadMore, selectedId, hrefFor, onOpen, label } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const anchorRef = useRef<ScrollAnchor | null>(null);
  const idsRef = useRef<string[]>([]);
  const rowRefs = useRef(new Map<string, HTMLAnchorElement>());
  const [arrivals, setArrivals] = useState<ReadonlySet<string>>(new Set());
  const [focusId, setFocusId] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const ids = rows.map((row) => row.id);

  const virtualizer = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? 'more',
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();

  useRegisterConversationNavigation({ ids, selectedId, open: onOpen });

  // Rows changed (a page, a live event): hold the view on the same row, count what came above.
  useLayoutEffect(() => {
    const previous = idsRef.current;
    // Only a change of rows moves the view: re-renders while scrolling must not pull it back.
    if (previous.length === ids.length && previous.every((id, index) => id === ids[index])) return;
    idsRef.current = ids;
    const anchor = anchorRef.current;
    const element = scrollRef.current;
    if (!anchor || !element) return;
    const arrived = arrivalsAbove(previous, ids, anchor.id);
    if (arrived.length > 0) setArrivals((current) => new Set([...current, ...arrived]));
    const top = scrollTopFor(ids, anchor, ROW_HEIGHT);
    if (top !== null && Math.abs(element.scrollTop - top) >= 1) element.scrollTop = top;
  });

  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  function handleScroll() {
    const element = scrollRef.current;
    if (!element) return;
    anchorRef.current = anchorAt(idsRef.current, element.scrollTop, ROW_HEIGHT);
    if (!anchorRef.current && arrivals.size > 0) setArrivals(new Set());
  }

  function showNewest() {
    anchorRef.current = null;
    setArrivals(new Set());
    scrollRef.current?.scrollTo({ top: 0 });
  }

  function moveFocus(conversationId: string) {
    setFocusId(conversationId);
    const element = rowRefs.current.get(conversationId);
    if (element) {
      element.focus();
      return;
    }
    pendingFocus.current = conversationId;
    virtualizer.scrollToIndex(ids.indexOf(conversationId), { align: 'auto' });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const from = focusId ?? selectedId;
    let target: string | null = null;
    const step = KEY_STEPS[event.key];
    if (step !== undefined) target = stepFrom(ids, from, step);
    else if (event.key === 'Home') target = ids[0] ?? null;
    else if (event.key === 'End') target = ids.at(-1) ?? null;
    else return;
    event.preventDefault();
    if (target) moveFocus(target);
  }

  const tabStop =
    focusId && ids.includes(focusId) ? focusId : selectedId && ids.includes(selectedId) ? selectedId : ids[0];

  return (
    <div className={styles.wrapper}>
      {arrivals.size > 0 && (
        <button type="button" className={styles.newPill} onClick={showNewest}>
          {t('inbox.list.newArrivals', { count: arrivals.size })}
        </button>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move focus between the row links inside */}
      <div ref={scrollRef} className={styles.scroller} onScroll={handleScroll} onKeyDown={handleKeyDown}>
        <ul aria-label={label} className={styles.canvas} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            const style = { height: ROW_HEIGHT, transform: `translateY(${item.start}px)` };
            if (!row) {
              return (
                <li key={item.key} className={styles.more} style={style}>
                  {loadingMore ? t('inbox.list.loadingMore') : ''}
                </li>
              );
            }
            return (
              <ConversationRow
                key={item.key}
                ref={(element) => {
                  if (element) {
                    rowRefs.current.set(row.id, element);
                    if (pendingFocus.current === row.id) {
                      pendingFocus.current = null;
                      element.focus();
                    }
                  } else rowRefs.current.delete(row.id);
                }}
                conversation={row}
                href={hrefFor(row.id)}
                selected={row.id === selectedId}
                focusable={row.id === tabStop}
                index={item.index}
                setSize={hasMore ? -1 : rows.length}
                style={style}
                onFocus={() => setFocusId(row.id)}
              />
            );
          })}
        </ul>
      </div>
    </div>
  );
}
