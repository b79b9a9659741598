import type { ApiKey } from '@charla/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../shared/i18n/index.ts';
import { Button, classNames } from '../../shared/ui/index.ts';
import styles from './Settings.module.css';

type ApiKeysTableProps = { apiKeys: ApiKey[]; onRevoke: (apiKey: ApiKey) => void };

/** Every key with its prefix (to tell them apart), usage and state; never the secret. */
export function ApiKeysTable({ apiKeys, onRevoke }: ApiKeysTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section aria-labelledby={captionId} className={styles.tableWrap} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId}>{t('apiKeys.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('apiKeys.name')}</th>
            <th scope="col">{t('apiKeys.prefix')}</th>
            <th scope="col">{t('apiKeys.created')}</th>
            <th scope="col">{t('apiKeys.lastUsed')}</th>
            <th scope="col">{t('apiKeys.status')}</th>
            <th scope="col">{t('apiKeys.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {apiKeys.map((apiKey) => (
            <tr key={apiKey.id} className={apiKey.revokedAt ? styles.inactiveRow : undefined}>
              <th scope="row" className={styles.rowHeader}>
                {apiKey.name}
              </th>
              <td>
                <code className={styles.code}>{apiKey.prefix}…</code>
              </td>
              <td className={styles.nowrap}>{format.date(apiKey.createdAt)}</td>
              <td className={styles.nowrap}>
                {apiKey.lastUsedAt ? (
                  <time
                    dateTime={new Date(apiKey.lastUsedAt).toISOString()}
                    title={format.dateTime(apiKey.lastUsedAt)}
                  >
                    {format.relative(apiKey.lastUsedAt)}
                  </time>
                ) : (
                  t('apiKeys.never')
                )}
              </td>
              <td>
                <span
                  className={classNames(
                    styles.badge,
                    apiKey.revokedAt ? styles.badgeInactive : styles.badgeActive,
                  )}
                >
                  {apiKey.revokedAt
                    ? t('apiKeys.revokedOn', { date: format.date(apiKey.revokedAt) })
                    : t('apiKeys.active')}
                </span>
              </td>
              <td>
                {!apiKey.revokedAt && (
                  <Button
                    size="sm"
                    variant="secondary"
                    aria-label={t('apiKeys.revokeFor', { name: apiKey.name })}
                    onClick={() => onRevoke(apiKey)}
                  >
                    {t('apiKeys.revoke')}
                  </Button>
                )}
              </td>
            </tr>
          ))}
          {apiKeys.length === 0 && (
            <tr>
              <td colSpan={6} className={styles.emptyRow}>
                {t('apiKeys.empty')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
