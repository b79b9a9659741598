import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './Composer.module.css';
import { SmileIcon } from './chat-icons.tsx';

/** The emoji people use most in sales and support chats; a small built-in grid, no download. */
const EMOJI = [
  '😀',
  '😂',
  '😊',
  '😍',
  '🤩',
  '😉',
  '😎',
  '🤔',
  '😅',
  '😢',
  '😭',
  '😡',
  '🙏',
  '👍',
  '👎',
  '👏',
  '🙌',
  '💪',
  '👋',
  '🤝',
  '✌️',
  '👌',
  '👀',
  '🎉',
  '❤️',
  '💙',
  '💚',
  '🔥',
  '⭐',
  '✨',
  '✅',
  '❌',
  '⚠️',
  '❓',
  '💬',
  '📞',
  '📦',
  '🚚',
  '🛒',
  '💳',
  '💰',
  '🧾',
  '📅',
  '⏰',
  '📍',
  '🏠',
  '🎁',
  '☕',
];

/** A button that opens a grid of common emoji; picking one inserts it where the cursor is. */
export function EmojiPicker({ onPick, disabled }: { onPick: (emoji: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const gridId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLButtonElement>('[data-emoji]')?.focus();
    const handlePointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', handlePointer);
    return () => document.removeEventListener('pointerdown', handlePointer);
  }, [open]);
  return (
    <div ref={rootRef} className={styles.popoverRoot}>
      <button
        type="button"
        className={styles.tool}
        aria-label={t('chat.composer.emoji')}
        title={t('chat.composer.emoji')}
        aria-expanded={open}
        aria-controls={open ? gridId : undefined}
        disabled={disabled}
        onClick={() => setOpen((value) => !value)}
      >
        <SmileIcon />
      </button>
      {open && (
        <fieldset
          id={gridId}
          className={styles.emojiGrid}
          aria-label={t('chat.composer.emoji')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        >
          {EMOJI.map((emoji) => (
            <button
              key={emoji}
              type="button"
              data-emoji
              className={styles.emoji}
              aria-label={emoji}
              onClick={() => {
                onPick(emoji);
                setOpen(false);
              }}
            >
              {emoji}
            </button>
          ))}
        </fieldset>
      )}
    </div>
  );
}
