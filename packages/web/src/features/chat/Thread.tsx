import type { Message } from '@charla/contracts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { useFormatters } from '../../shared/i18n/format.ts';
import { MessageRow } from './MessageRow.tsx';
import styles from './Thread.module.css';
import { buildThreadRows } from './thread-rows.ts';

type ThreadProps = {
  messages: Message[];
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: unknown;
  loadOlder: () => Promise<void>;
  canWrite: boolean;
  memberName: (memberId: string) => string | null;
  onReply: (message: Message) => void;
  onRetry: (message: Message) => Promise<void>;
};

/** Within this distance of the bottom, new messages keep the view pinned to the newest. */
const STICK_PX = 120;
/** Within this distance of the top, the previous page is fetched. */
const LOAD_OLDER_PX = 400;

/**
 * The thread, newest at the bottom, virtualised with measured row heights so even a
 * 20,000-message history scrolls smoothly. Older pages load on scroll up without moving what
 * is on screen; new messages scroll into view only when the reader is already at the bottom.
 */
export function Thread(props: ThreadProps) {
  const { messages, hasOlder, loadingOlder, olderError, loadOlder } = props;
  const { t } = useTranslation();
  const formatters = useFormatters();
  const olderErrorText = useErrorText(olderError);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => buildThreadRows(messages), [messages]);
  const [wanted, setWanted] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [atBottom, setAtBottom] = useState(true);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.type === 'day' ? 40 : 72),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
  });

  // Keep the reader's place: when rows are prepended (an older page), hold the distance from
  // the bottom; when rows are appended and the reader was at the bottom, follow the newest.
  const firstKey = rows[0]?.key;
  const lastKey = rows.at(-1)?.key;
  const previous = useRef<{ firstKey: string | undefined; lastKey: string | undefined; fromBottom: number }>({
    firstKey: undefined,
    lastKey: undefined,
    fromBottom: 0,
  });
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const before = previous.current;
    if (before.firstKey === undefined || (before.lastKey !== lastKey && atBottom)) {
      virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    } else if (before.firstKey !== firstKey) {
      element.scrollTop = Math.max(element.scrollHeight - before.fromBottom, 0);
    }
    previous.current = { firstKey, lastKey, fromBottom: before.fromBottom };
  }, [firstKey, lastKey, rows.length, virtualizer, atBottom]);

  const handleScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const fromBottom = element.scrollHeight - element.scrollTop - element.clientHeight;
    previous.current.fromBottom = element.scrollHeight - element.scrollTop;
    setAtBottom(fromBottom < STICK_PX);
    if (element.scrollTop < LOAD_OLDER_PX && hasOlder && !loadingOlder && !olderError) void loadOlder();
  }, [hasOlder, loadingOlder, olderError, loadOlder]);

  // Still near the top once a page has landed (or a short thread that does not fill the view):
  // scrolling further up fires no scroll event at the very top, so ask for the next page here.
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || rows.length === 0 || !hasOlder || loadingOlder || olderError) return;
    if (element.scrollTop < LOAD_OLDER_PX) void loadOlder();
  }, [rows.length, hasOlder, loadingOlder, olderError, loadOlder]);

  // A quoted message: scroll to it, loading older pages until it is there.
  useEffect(() => {
    if (!wanted) return;
    const index = rows.findIndex((row) => row.type === 'message' && row.message.id === wanted);
    if (index >= 0) {
      virtualizer.scrollToIndex(index, { align: 'center' });
      setHighlighted(wanted);
      setWanted(null);
      const timer = setTimeout(() => setHighlighted(null), 2000);
      return () => clearTimeout(timer);
    }
    if (hasOlder && !loadingOlder && !olderError) void loadOlder();
    else if (!hasOlder || olderError) setWanted(null);
    return undefined;
  }, [wanted, rows, hasOlder, loadingOlder, olderError, loadOlder, virtualizer]);

  const formatTime = useCallback(
    (timestamp: number) =>
      new Intl.DateTimeFormat(formatters.language, { timeStyle: 'short' }).format(timestamp),
    [formatters.language],
  );
  const dayLabel = (dayStart: number) =>
    new Intl.DateTimeFormat(formatters.language, { dateStyle: 'full' }).format(dayStart);

  return (
    <div className={styles.wrap}>
      <div
        ref={scrollRef}
        className={styles.scroller}
        onScroll={handleScroll}
        role="log"
        aria-label={t('chat.thread.label')}
        aria-busy={loadingOlder}
      >
        <div className={styles.status}>
          {loadingOlder && <p>{t('chat.thread.loadingOlder')}</p>}
          {olderErrorText && (
            <p className={styles.error}>
              {olderErrorText.message}{' '}
              <button type="button" className={styles.linkButton} onClick={() => void loadOlder()}>
                {t('chat.thread.tryAgain')}
              </button>
            </p>
          )}
          {!hasOlder && rows.length > 0 && <p>{t('chat.thread.start')}</p>}
        </div>
        <div className={styles.canvas} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={styles.item}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row.type === 'day' ? (
                  <div className={styles.day}>
                    <span>{dayLabel(row.dayStart)}</span>
                  </div>
                ) : (
                  <MessageRow
                    message={row.message}
                    firstOfGroup={row.firstOfGroup}
                    highlighted={highlighted === row.message.id}
                    canWrite={props.canWrite}
                    memberName={props.memberName}
                    formatTime={formatTime}
                    onReply={props.onReply}
                    onRetry={props.onRetry}
                    onRevealQuoted={setWanted}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
      {!atBottom && (
        <button
          type="button"
          className={styles.jump}
          onClick={() => virtualizer.scrollToIndex(rows.length - 1, { align: 'end' })}
        >
          {t('chat.thread.jumpToLatest')} ↓
        </button>
      )}
    </div>
  );
}
