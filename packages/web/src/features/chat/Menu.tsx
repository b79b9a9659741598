import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { classNames } from '../../shared/ui/index.ts';
import styles from './Menu.module.css';

export interface MenuItem {
  key: string;
  label: string;
  /** For choices (owner, status): marks the current one. */
  checked?: boolean;
  danger?: boolean;
  onSelect: () => void;
}

type MenuProps = {
  /** The button's accessible name (it may show less, e.g. only the current value). */
  label: string;
  trigger: ReactNode;
  items: MenuItem[];
  /** Shown above the items, e.g. "Move to". */
  heading?: string;
  disabled?: boolean;
  align?: 'start' | 'end';
  className?: string;
};

/**
 * A button that opens a list of actions (`role="menu"`): arrow keys move, Enter picks, Escape
 * or a click outside closes and gives focus back to the button.
 */
export function Menu({ label, trigger, items, heading, disabled, align = 'start', className }: MenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    itemRefs.current.find((item) => item?.getAttribute('aria-checked') === 'true')?.focus() ??
      itemRefs.current[0]?.focus();
    const handlePointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', handlePointer);
    return () => document.removeEventListener('pointerdown', handlePointer);
  }, [open]);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function handleKeyDown(event: React.KeyboardEvent) {
    const focusable = itemRefs.current.filter((item): item is HTMLButtonElement => item !== null);
    const index = focusable.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      focusable[(index + step + focusable.length) % focusable.length]?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  }

  const choice = items.some((item) => item.checked !== undefined);
  return (
    <div ref={rootRef} className={classNames(styles.root, className)}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.trigger}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        title={label}
        disabled={disabled}
        onClick={() => setOpen((value) => !value)}
      >
        {trigger}
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={heading ?? label}
          className={classNames(styles.menu, align === 'end' && styles.alignEnd)}
          onKeyDown={handleKeyDown}
        >
          {heading && (
            <div className={styles.heading} aria-hidden="true">
              {heading}
            </div>
          )}
          {items.map((item, index) => (
            <button
              key={item.key}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              {...(choice
                ? { role: 'menuitemradio', 'aria-checked': item.checked ?? false }
                : { role: 'menuitem' })}
              className={classNames(styles.item, item.danger && styles.danger)}
              tabIndex={-1}
              onClick={() => {
                close();
                item.onSelect();
              }}
            >
              <span className={styles.check} aria-hidden="true">
                {item.checked ? '✓' : ''}
              </span>
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
