import type { CustomerListItem } from '@charla/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../shared/i18n/index.ts';
import styles from './Customers.module.css';

/** Customers with owner, tags and every conversation; the name opens the most recent one. */
export function CustomersTable({ customers }: { customers: CustomerListItem[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t('customers.columns.name')}</th>
            <th scope="col">{t('customers.columns.contact')}</th>
            <th scope="col">{t('customers.columns.owner')}</th>
            <th scope="col">{t('customers.columns.tags')}</th>
            <th scope="col">{t('customers.columns.conversations')}</th>
            <th scope="col">{t('customers.columns.lastActivity')}</th>
          </tr>
        </thead>
        <tbody>
          {customers.map((customer) => {
            const latest = customer.conversations[0];
            return (
              <tr key={customer.id}>
                <th scope="row" className={styles.name}>
                  {latest ? (
                    <Link to={`/inbox/${latest.id}`}>{customer.displayName}</Link>
                  ) : (
                    customer.displayName
                  )}
                </th>
                <td>
                  {customer.phone && <div>+{customer.phone}</div>}
                  {customer.email && <div className={styles.muted}>{customer.email}</div>}
                </td>
                <td>
                  {customer.ownerName ?? <span className={styles.muted}>{t('customers.unassigned')}</span>}
                </td>
                <td>
                  <ul className={styles.tags}>
                    {customer.tags.map((tag) => (
                      <li key={tag.id} className={styles.tag} style={{ borderColor: tag.color }}>
                        <span
                          className={styles.tagDot}
                          style={{ background: tag.color }}
                          aria-hidden="true"
                        />
                        {tag.name}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {customer.conversations.length === 0 ? (
                    <span className={styles.muted}>{t('customers.noConversations')}</span>
                  ) : (
                    <ul className={styles.conversations}>
                      {customer.conversations.map((conversation) => (
                        <li key={conversation.id}>
                          <Link
                            to={`/inbox/${conversation.id}`}
                            aria-label={t('customers.openConversation', {
                              channel: t(`chat.channelType.${conversation.channelType}`),
                              name: customer.displayName,
                            })}
                          >
                            {t(`chat.channelType.${conversation.channelType}`)}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className={styles.muted}>
                  {customer.lastActivityAt === null ? (
                    '—'
                  ) : (
                    <time
                      dateTime={new Date(customer.lastActivityAt).toISOString()}
                      title={format.dateTime(customer.lastActivityAt)}
                    >
                      {format.relative(customer.lastActivityAt)}
                    </time>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
