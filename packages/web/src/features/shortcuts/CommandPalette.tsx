import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../../shared/ui/useModalDialog.ts';
import type { PaletteCommand } from './palette-filter.ts';
import styles from './Shortcuts.module.css';
import { usePaletteCommands } from './usePaletteCommands.ts';

const GROUPS = ['conversations', 'actions', 'navigation', 'preferences'] as const;

type CommandPaletteProps = { open: boolean; onClose: () => void; onOpenSheet: () => void };

/**
 * Ctrl/⌘+K: type to find a command or a conversation, arrows to move, Enter to run. A combobox
 * with its listbox, so screen readers announce the highlighted option while focus stays typing.
 */
export function CommandPalette({ open, onClose, onOpenSheet }: CommandPaletteProps) {
  const dialogRef = useModalDialog(open);
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <dialog ref={dialogRef} className={styles.palette} aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId} className="visually-hidden">
        {t('shortcuts.paletteTitle')}
      </h2>
      {/* Mounted only while open, so every opening starts with an empty query. */}
      {open && <PaletteBody onClose={onClose} onOpenSheet={onOpenSheet} />}
    </dialog>
  );
}

function PaletteBody({ onClose, onOpenSheet }: Omit<CommandPaletteProps, 'open'>) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const { commands, searching } = usePaletteCommands(query, onClose, onOpenSheet);
  const activeIndex = Math.min(active, commands.length - 1);
  const optionId = (index: number) => `${listId}-${index}`;

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + commands.length) % Math.max(commands.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      commands[activeIndex]?.run();
    }
  }

  return (
    <>
      <input
        className={styles.paletteInput}
        role="combobox"
        aria-label={t('shortcuts.paletteLabel')}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={commands.length > 0 ? optionId(activeIndex) : undefined}
        placeholder={t('shortcuts.palettePlaceholder')}
        value={query}
        // biome-ignore lint/a11y/noAutofocus: the palette exists to be typed into the moment it opens
        autoFocus
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={handleKeyDown}
      />
      <div id={listId} role="listbox" aria-label={t('shortcuts.paletteTitle')} className={styles.paletteList}>
        {GROUPS.map((group) => (
          <CommandGroup
            key={group}
            label={t(`shortcuts.groups.${group}`)}
            commands={commands}
            group={group}
            activeIndex={activeIndex}
            optionId={optionId}
            onHover={setActive}
          />
        ))}
      </div>
      <p className={styles.paletteStatus} role="status">
        {searching
          ? t('shortcuts.searching')
          : commands.length === 0
            ? t('shortcuts.noResults', { query })
            : ''}
      </p>
    </>
  );
}

type CommandGroupProps = {
  label: string;
  group: PaletteCommand['group'];
  commands: readonly PaletteCommand[];
  activeIndex: number;
  optionId: (index: number) => string;
  onHover: (index: number) => void;
};

function CommandGroup({ label, group, commands, activeIndex, optionId, onHover }: CommandGroupProps) {
  const labelId = useId();
  const members = commands.flatMap((command, index) => (command.group === group ? [{ command, index }] : []));
  if (members.length === 0) return null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of listbox options, not form controls
    <div role="group" aria-labelledby={labelId}>
      <p id={labelId} className={styles.groupLabel}>
        {label}
      </p>
      {members.map(({ command, index }) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the combobox input, as the pattern asks
        <div
          key={command.id}
          id={optionId(index)}
          role="option"
          tabIndex={-1}
          aria-selected={index === activeIndex}
          className={styles.option}
          onMouseMove={() => onHover(index)}
          onClick={command.run}
        >
          <span>{command.label}</span>
          {command.detail && <span className={styles.optionDetail}>{command.detail}</span>}
        </div>
      ))}
    </div>
  );
}
