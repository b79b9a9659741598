import type { MessageTemplate, StartConversationRequest } from '@charla/contracts';
import type { TFunction } from 'i18next';
import type { FieldMessages } from '../../shared/forms/index.ts';
import { type Region, readPhoneEntry } from './phone-entry.ts';

/** The form's values by input name; template variables are `variable-<name>`. */
export type NewChatValues = Record<string, string>;

export const variableField = (name: string) => `variable-${name}`;
export const templateKey = (template: Pick<MessageTemplate, 'name' | 'language'>) =>
  `${template.name}|${template.language}`;

export function initialValues(channelId: string, region: Region): NewChatValues {
  return { channelId, mode: 'phone', region, phone: '', customerId: '', template: '' };
}

/**
 * Templates New chat can send: approved, with no header, a plain text one, or a media one (the
 * dialog asks for its file). Header variables need values this dialog does not collect, and
 * Meta refuses the message without them.
 */
export function isSendableTemplate(template: MessageTemplate): boolean {
  if (template.status !== 'APPROVED') return false;
  if (template.header?.format !== 'TEXT') return true;
  return !/\{\{/.test(template.header.text ?? '');
}

/** The values of the template's variables, in its order. */
export function variableValues(values: NewChatValues, template: MessageTemplate | undefined): string[] {
  return (template?.variables ?? []).map((name) => values[variableField(name)] ?? '');
}

/** What must be fixed before sending, by input name. */
export function checkNewChat(
  values: NewChatValues,
  template: MessageTemplate | undefined,
  t: TFunction,
): FieldMessages {
  const messages: FieldMessages = {};
  if (values.mode === 'phone') {
    const phone = readPhoneEntry(values.region as Region, values.phone ?? '');
    if (!phone.ok) messages.phone = t(`newChat.phoneErrors.${phone.problem}`);
  } else if (!values.customerId) {
    messages.customerSearch = t('newChat.pickCustomer');
  }
  if (!template) messages.template = t('newChat.pickTemplate');
  for (const name of template?.variables ?? []) {
    if (!(values[variableField(name)] ?? '').trim())
      messages[variableField(name)] = t('newChat.fillVariable');
  }
  return messages;
}

/** The API request for valid values. */
export function startRequest(
  values: NewChatValues,
  template: MessageTemplate,
  clientId: string,
): StartConversationRequest {
  const phone = readPhoneEntry(values.region as Region, values.phone ?? '');
  return {
    channelId: values.channelId ?? '',
    ...(values.mode === 'phone'
      ? { phone: phone.ok ? phone.digits : '' }
      : { customerId: values.customerId }),
    template: {
      name: template.name,
      language: template.language,
      variables: variableValues(values, template).map((value) => value.trim()),
    },
    clientId,
  };
}

/** Where a server field error belongs in this form (`template.variables` → the first variable). */
export function inputForServerField(field: string, template: MessageTemplate | undefined): string {
  if (field === 'template.variables') return variableField(template?.variables[0] ?? '');
  if (field === 'template.name' || field === 'template.language') return 'template';
  if (field === 'template.headerMediaId') return 'headerFile';
  if (field === 'customerId') return 'customerSearch';
  return field;
}
