import type { ChannelType, CustomerProfile } from '@charla/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../shared/i18n/format.ts';
import { PersonIcon } from '../../shared/ui/index.ts';
import {
  CustomFieldsSection,
  NotesSection,
  OrdersSection,
  ProfileDetails,
  RemindersSection,
  TagEditor,
} from '../crm/index.ts';
import { CustomerDealsSection } from '../deals/index.ts';
import styles from './Customer.module.css';
import { CustomerConversations } from './CustomerConversations.tsx';
import { CustomerSection } from './CustomerSection.tsx';
import { customerInitials } from './customer-initials.ts';
import { MergeCustomerAction } from './MergeCustomerAction.tsx';

const CHANNEL_TYPE_NAMES = {
  whatsapp: 'WhatsApp',
  messenger: 'Messenger',
  instagram: 'Instagram',
} as const satisfies Record<ChannelType, string>;

/** "WhatsApp Ventas" as named; "WhatsApp · Ventas" when the name does not say the type. */
function channelLabel(type: ChannelType, name: string | undefined): string {
  const typeName = CHANNEL_TYPE_NAMES[type];
  if (!name) return typeName;
  return name.toLowerCase().includes(typeName.toLowerCase()) ? name : `${typeName} · ${name}`;
}

type CustomerProfileViewProps = { profile: CustomerProfile; openConversationId: string };

/**
 * The customer's record beside the chat: who they are (edited in place), their tags, notes,
 * custom fields, orders, deals, reminders and other chats.
 */
export function CustomerProfileView({ profile, openConversationId }: CustomerProfileViewProps) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const { customer, owner, conversations } = profile;
  const initials = customerInitials(customer.displayName);
  const channelNames = new Map(conversations.map((item) => [item.channel.id, item.channel.name]));
  const whatsappChannels = customer.identities
    .filter((identity) => identity.channelType === 'whatsapp')
    .map((identity) => ({
      id: identity.channelId,
      name: channelLabel('whatsapp', channelNames.get(identity.channelId)),
    }));

  return (
    <div className={styles.profile}>
      <div className={styles.identity}>
        <span className={styles.avatar} aria-hidden="true">
          {initials || <PersonIcon size={24} />}
        </span>
        <div className={styles.identityText}>
          <p className={styles.name}>{customer.displayName}</p>
          {customer.profileName && customer.profileName !== customer.displayName && (
            <p className={styles.muted}>{t('customer.profileName', { name: customer.profileName })}</p>
          )}
          <p className={styles.muted}>{t('customer.since', { date: date(customer.createdAt) })}</p>
        </div>
      </div>
      {(customer.blocked || !customer.botEnabled) && (
        <ul className={styles.flags} aria-label={t('customer.flags')}>
          {customer.blocked && <li className={styles.flagDanger}>{t('customer.blocked')}</li>}
          {!customer.botEnabled && <li className={styles.flag}>{t('customer.botOff')}</li>}
        </ul>
      )}

      <CustomerSection title={t('customer.details')}>
        <ProfileDetails customer={customer} />
        <dl className={styles.fields}>
          <Field label={t('customer.owner')}>
            {owner ? owner.name : <span className={styles.muted}>{t('customer.unassigned')}</span>}
          </Field>
          <Field label={t('customer.created')}>{date(customer.createdAt)}</Field>
        </dl>
        <MergeCustomerAction customer={customer} />
      </CustomerSection>

      <CustomerSection title={t('customer.channels')}>
        <ul className={styles.identities}>
          {customer.identities.map((identity) => (
            <li key={`${identity.channelId}:${identity.externalId}`}>
              <span className={styles.identityChannel}>
                {channelLabel(identity.channelType, channelNames.get(identity.channelId))}
              </span>
              <span className={styles.identityHandle}>
                {identity.channelType === 'whatsapp'
                  ? `+${identity.externalId}`
                  : (identity.profileName ?? identity.externalId)}
              </span>
            </li>
          ))}
        </ul>
      </CustomerSection>

      <CustomerSection title={t('customer.tags')}>
        <TagEditor customerId={customer.id} tags={customer.tags} />
      </CustomerSection>

      <CustomerSection title={t('crm.notes.title')}>
        <NotesSection customerId={customer.id} />
      </CustomerSection>

      <CustomerSection title={t('crm.fields.title')}>
        <CustomFieldsSection customerId={customer.id} />
      </CustomerSection>

      <CustomerSection title={t('crm.orders.title')}>
        <OrdersSection customerId={customer.id} />
      </CustomerSection>

      <CustomerSection title={t('crm.deals.title')}>
        <CustomerDealsSection customer={customer} />
      </CustomerSection>

      <CustomerSection title={t('crm.reminders.title')}>
        <RemindersSection customerId={customer.id} whatsappChannels={whatsappChannels} />
      </CustomerSection>

      <CustomerSection title={t('customer.conversations', { count: conversations.length })}>
        <CustomerConversations conversations={conversations} openConversationId={openConversationId} />
      </CustomerSection>
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.field}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
