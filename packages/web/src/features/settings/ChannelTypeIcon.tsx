import type { ChannelType } from '@charla/contracts';
import type { ReactNode } from 'react';
import { classNames } from '../../shared/ui/index.ts';
import styles from './Channels.module.css';

const GLYPHS: Record<ChannelType, ReactNode> = {
  whatsapp: (
    <>
      <path d="M4 20.5 5.3 16.6A8.5 8.5 0 1 1 8.4 19.4z" />
      <path d="M9.2 8.3c-.2 3.4 3.1 6.7 6.5 6.5l.8-1.6-2-1-.9.8a4.6 4.6 0 0 1-2.3-2.3l.8-.9-1-2z" />
    </>
  ),
  messenger: (
    <>
      <path d="M12 3c-5 0-9 3.7-9 8.3 0 2.6 1.3 4.9 3.3 6.4V21l3-1.7c.9.3 1.8.4 2.7.4 5 0 9-3.7 9-8.4S17 3 12 3z" />
      <path d="m7.5 13.5 3.2-3.3 2.1 2.1 3.7-3.3-3.2 3.3-2.1-2.1z" />
    </>
  ),
  instagram: (
    <>
      <rect x="3.5" y="3.5" width="17" height="17" rx="5" />
      <circle cx="12" cy="12" r="4" />
      <circle cx="17.2" cy="6.8" r="0.6" />
    </>
  ),
};

/** The channel type's mark in its brand tint; decorative, the type is always written beside it. */
export function ChannelTypeIcon({ type, size = 20 }: { type: ChannelType; size?: number }) {
  return (
    <span className={classNames(styles.typeIcon, styles[type])}>
      <svg
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        {GLYPHS[type]}
      </svg>
    </span>
  );
}
