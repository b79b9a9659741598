import type { Channel } from '@charla/contracts';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Button, classNames } from '../../shared/ui/index.ts';
import { ChannelDetails } from './ChannelDetails.tsx';
import { ChannelEditForm, type EditMode } from './ChannelEditForm.tsx';
import styles from './Channels.module.css';
import { ChannelTemplates } from './ChannelTemplates.tsx';
import { ChannelTypeIcon } from './ChannelTypeIcon.tsx';
import { channelAddress, describeTestResult } from './channel-text.ts';
import { useTestChannel } from './channels.queries.ts';
import settingsStyles from './Settings.module.css';

type Panel = EditMode | 'templates';

type ChannelCardProps = {
  channel: Channel;
  onNotice: (message: string) => void;
  onDisconnect: (channel: Channel) => void;
};

/** One connected channel: who it is at Meta, its state, and what an admin can do with it. */
export function ChannelCard({ channel, onNotice, onDisconnect }: ChannelCardProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const panelId = useId();
  const [panel, setPanel] = useState<Panel | null>(null);
  const toggles = useRef<Partial<Record<Panel, HTMLButtonElement | null>>>({});
  const test = useTestChannel();
  const testError = useErrorText(test.error);
  const { name } = channel;
  const address = channelAddress(channel);

  function toggle(next: Panel) {
    setPanel((open) => (open === next ? null : next));
  }

  /** Closes the open form and gives focus back to the button that opened it. */
  function close() {
    const opened = panel;
    setPanel(null);
    if (opened) toggles.current[opened]?.focus();
  }

  function handleSaved(message: string) {
    // A new token or reconnection makes the last test result stale.
    test.reset();
    close();
    onNotice(message);
  }

  /** The props of a button that opens `target` below the card. */
  function toggleProps(target: Panel) {
    const open = panel === target;
    return {
      ref: (element: HTMLButtonElement | null) => {
        toggles.current[target] = element;
      },
      'aria-expanded': open,
      'aria-controls': open ? panelId : undefined,
      onClick: () => toggle(target),
    };
  }

  const testText = test.isPending
    ? t('channels.testing')
    : test.data
      ? describeTestResult(test.data, t)
      : (testError?.message ?? '');

  return (
    <li className={classNames(styles.channel, !channel.active && styles.channelInactive)}>
      <article aria-labelledby={headingId}>
        <div className={styles.channelHead}>
          <ChannelTypeIcon type={channel.type} size={22} />
          <div className={styles.channelTitle}>
            <h3 id={headingId} className={styles.channelName}>
              {name}
            </h3>
            <p className={styles.channelSub}>
              {t(`channels.types.${channel.type}`)}
              {address && (
                <>
                  <span aria-hidden="true"> · </span>
                  {address}
                </>
              )}
            </p>
          </div>
          <span
            className={classNames(
              settingsStyles.badge,
              channel.active ? settingsStyles.badgeActive : settingsStyles.badgeInactive,
            )}
          >
            {channel.active ? t('channels.active') : t('channels.disconnected')}
          </span>
        </div>
        <ChannelDetails channel={channel} />
        <div className={styles.actions}>
          {channel.active && (
            <Button
              size="sm"
              variant="primary"
              aria-label={t('channels.testFor', { name })}
              disabled={test.isPending}
              onClick={() => test.mutate(channel.id)}
            >
              {t('channels.test')}
            </Button>
          )}
          <Button size="sm" aria-label={t('channels.renameFor', { name })} {...toggleProps('rename')}>
            {t('channels.rename')}
          </Button>
          {channel.active && (
            <Button size="sm" aria-label={t('channels.replaceTokenFor', { name })} {...toggleProps('token')}>
              {t('channels.replaceToken')}
            </Button>
          )}
          {channel.type === 'whatsapp' && (
            <Button size="sm" aria-label={t('channels.templatesFor', { name })} {...toggleProps('templates')}>
              {t('channels.templatesButton')}
            </Button>
          )}
          {/* One element for both, so focus stays on it after the confirm dialog closes. */}
          {channel.active ? (
            <Button
              size="sm"
              className={styles.disconnect}
              aria-label={t('channels.disconnectFor', { name })}
              onClick={() => {
                setPanel(null);
                onDisconnect(channel);
              }}
            >
              {t('channels.disconnect')}
            </Button>
          ) : (
            <Button
              size="sm"
              variant="primary"
              aria-label={t('channels.reconnectFor', { name })}
              {...toggleProps('reconnect')}
            >
              {t('channels.reconnect')}
            </Button>
          )}
        </div>
        <p
          role="status"
          className={classNames(
            styles.testResult,
            test.data?.ok === true && styles.testOk,
            (test.data?.ok === false || testError) && styles.testFailed,
            !testText && 'visually-hidden',
          )}
        >
          {channel.active ? testText : ''}
        </p>
        {(panel === 'rename' || panel === 'token' || panel === 'reconnect') && (
          <ChannelEditForm
            key={panel}
            id={panelId}
            mode={panel}
            channel={channel}
            onSaved={handleSaved}
            onCancel={close}
          />
        )}
        {panel === 'templates' && <ChannelTemplates id={panelId} channel={channel} />}
      </article>
    </li>
  );
}
