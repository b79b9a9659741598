import type { Customer, UpdateCustomerRequest } from '@charla/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { customerQueryKey } from '../customer/customer.queries.ts';
import styles from './Crm.module.css';
import { crmApi } from './crm.api.ts';
import { InlineEdit } from './InlineEdit.tsx';

type DetailField = keyof Omit<UpdateCustomerRequest, 'phone' | 'email'>;
const TEXT_FIELDS = [
  'firstName',
  'lastName',
  'idType',
  'idNumber',
  'address',
  'city',
  'stateProvince',
] as const satisfies readonly DetailField[];

/** True while the customer's phone is the number they write from on WhatsApp (it cannot change). */
function phoneIsWhatsAppIdentity(customer: Customer): boolean {
  return (
    customer.phone !== null &&
    customer.identities.some(
      (identity) => identity.channelType === 'whatsapp' && identity.externalId === customer.phone,
    )
  );
}

/** The customer's profile, each field edited where it stands. */
export function ProfileDetails({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notSet = <span className={styles.muted}>{t('customer.notSet')}</span>;

  async function save(change: UpdateCustomerRequest) {
    const profile = await crmApi.updateCustomer(customer.id, change);
    queryClient.setQueryData(customerQueryKey(customer.id), profile);
  }

  const field = (name: DetailField) => (
    <InlineEdit
      key={name}
      label={t(`crm.profile.${name}`)}
      name={name}
      value={customer[name] ?? ''}
      placeholder={notSet}
      onSave={(value) => save({ [name]: value })}
    />
  );

  return (
    <div className={styles.inlineFields}>
      {field('firstName')}
      {field('lastName')}
      <InlineEdit
        label={t('customer.phone')}
        name="phone"
        inputType="tel"
        value={customer.phone ? `+${customer.phone}` : ''}
        placeholder={notSet}
        readOnlyHint={phoneIsWhatsAppIdentity(customer) ? t('crm.profile.phoneIsWhatsApp') : undefined}
        onSave={(phone) => save({ phone })}
      />
      <InlineEdit
        label={t('customer.email')}
        name="email"
        inputType="email"
        value={customer.email ?? ''}
        placeholder={notSet}
        onSave={(email) => save({ email })}
      />
      {TEXT_FIELDS.slice(2).map(field)}
    </div>
  );
}
