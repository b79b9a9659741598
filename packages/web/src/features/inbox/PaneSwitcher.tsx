import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelsIcon, ChatIcon, InboxIcon, PersonIcon } from '../../shared/ui/index.ts';
import styles from './PaneSwitcher.module.css';

export const PANES = ['channels', 'list', 'chat', 'customer'] as const;
export type Pane = (typeof PANES)[number];

const PANE_LABELS = {
  channels: 'inbox.rail.label',
  list: 'inbox.list.label',
  chat: 'inbox.chat.label',
  customer: 'inbox.panel.label',
} as const satisfies Record<Pane, string>;

const PANE_ICONS = {
  channels: <ChannelsIcon />,
  list: <InboxIcon />,
  chat: <ChatIcon />,
  customer: <PersonIcon />,
} satisfies Record<Pane, ReactNode>;

type PaneSwitcherProps = { pane: Pane; onChange: (pane: Pane) => void; className?: string | undefined };

/** On a phone the inbox shows one column at a time; this bottom bar picks which. */
export function PaneSwitcher({ pane, onChange, className }: PaneSwitcherProps) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('inbox.panes')} className={className}>
      <ul className={styles.bar}>
        {PANES.map((option) => (
          <li key={option} className={styles.item}>
            <button
              type="button"
              className={styles.button}
              aria-current={pane === option ? 'true' : undefined}
              onClick={() => onChange(option)}
            >
              {PANE_ICONS[option]}
              <span>{t(PANE_LABELS[option])}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
