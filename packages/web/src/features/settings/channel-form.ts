import type { ChannelType, CreateChannelRequest, FieldError } from '@charla/contracts';
import type { TFunction } from 'i18next';
import { checkName, collectErrors, type FieldMessages } from '../../shared/forms/index.ts';
import type { en } from '../../shared/i18n/en.ts';

/** The channel types in the order the form offers them (the contract's `CHANNEL_TYPES`). */
export const CHANNEL_TYPE_OPTIONS = [
  'whatsapp',
  'messenger',
  'instagram',
] as const satisfies readonly ChannelType[];

/** Every input of the connect form; each type shows some of them (`FIELDS_BY_TYPE`). */
export type ChannelFormValues = {
  type: string;
  name: string;
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  pageId: string;
  instagramAccountId: string;
  username: string;
  accessToken: string;
  appSecret: string;
};
export type ChannelFieldName = Exclude<keyof ChannelFormValues, 'type'>;

type FieldKind = 'name' | 'graphId' | 'text' | 'token' | 'appSecret';
type HintKey = keyof (typeof en)['channels']['hints'];
export type ChannelFieldSpec = {
  name: ChannelFieldName;
  kind: FieldKind;
  required: boolean;
  hint: HintKey;
  max?: number;
};

const NAME: ChannelFieldSpec = { name: 'name', kind: 'name', required: true, hint: 'name' };
const APP_SECRET_FIELD: ChannelFieldSpec = {
  name: 'appSecret',
  kind: 'appSecret',
  required: false,
  hint: 'appSecret',
};

/** The fields of `createChannelRequestSchema`, per type, in the order they are shown. */
export const FIELDS_BY_TYPE: Record<ChannelType, readonly ChannelFieldSpec[]> = {
  whatsapp: [
    NAME,
    { name: 'phoneNumberId', kind: 'graphId', required: true, hint: 'graphId' },
    { name: 'wabaId', kind: 'graphId', required: true, hint: 'graphId' },
    { name: 'displayPhoneNumber', kind: 'text', required: false, hint: 'displayPhoneNumber', max: 30 },
    { name: 'accessToken', kind: 'token', required: true, hint: 'whatsappToken' },
    APP_SECRET_FIELD,
  ],
  messenger: [
    NAME,
    { name: 'pageId', kind: 'graphId', required: true, hint: 'graphId' },
    { name: 'accessToken', kind: 'token', required: true, hint: 'messengerToken' },
    APP_SECRET_FIELD,
  ],
  instagram: [
    NAME,
    { name: 'instagramAccountId', kind: 'graphId', required: true, hint: 'graphId' },
    { name: 'pageId', kind: 'graphId', required: false, hint: 'linkedPageId' },
    { name: 'username', kind: 'text', required: false, hint: 'username', max: 60 },
    { name: 'accessToken', kind: 'token', required: true, hint: 'instagramToken' },
    APP_SECRET_FIELD,
  ],
};

/** The input that holds the id a channel is recognised by (where "already connected" is said). */
export const EXTERNAL_ID_FIELD: Record<ChannelType, ChannelFieldName> = {
  whatsapp: 'phoneNumberId',
  messenger: 'pageId',
  instagram: 'instagramAccountId',
};

export const EMPTY_CHANNEL_FORM: ChannelFormValues = {
  type: 'whatsapp',
  name: '',
  phoneNumberId: '',
  wabaId: '',
  displayPhoneNumber: '',
  pageId: '',
  instagramAccountId: '',
  username: '',
  accessToken: '',
  appSecret: '',
};

// The same rules as the contract, so most mistakes are caught before the request.
const GRAPH_ID = /^\d{5,30}$/;
const APP_SECRET = /^[A-Za-z0-9]{16,64}$/;
const TOKEN_MIN = 8;
const TOKEN_MAX = 2000;

export function toChannelType(value: string): ChannelType {
  return CHANNEL_TYPE_OPTIONS.find((type) => type === value) ?? 'whatsapp';
}

/** Checks a (new) access token: required, and long enough to be one. */
export function checkToken(value: string, t: TFunction): string | null {
  const trimmed = value.trim();
  if (!trimmed) return t('fieldErrors.empty');
  if (trimmed.length < TOKEN_MIN) return t('channels.fieldErrors.token');
  if (trimmed.length > TOKEN_MAX) return t('fieldErrors.tooLong', { max: TOKEN_MAX });
  return null;
}

/** An app secret is optional; when given it must look like the App Dashboard's. */
export function checkAppSecret(value: string, t: TFunction): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return APP_SECRET.test(trimmed) ? null : t('channels.fieldErrors.appSecret');
}

function checkField(spec: ChannelFieldSpec, value: string, t: TFunction): string | null {
  const trimmed = value.trim();
  switch (spec.kind) {
    case 'name':
      return checkName(value, t);
    case 'token':
      return checkToken(value, t);
    case 'appSecret':
      return checkAppSecret(value, t);
    case 'graphId':
      if (!trimmed) return spec.required ? t('fieldErrors.empty') : null;
      return GRAPH_ID.test(trimmed) ? null : t('channels.fieldErrors.graphId');
    case 'text':
      if (!trimmed) return spec.required ? t('fieldErrors.empty') : null;
      return spec.max && trimmed.length > spec.max ? t('fieldErrors.tooLong', { max: spec.max }) : null;
  }
}

/** Client-side checks of the fields the chosen type shows. */
export function validateChannelForm(values: ChannelFormValues, t: TFunction): FieldMessages {
  const checks: Record<string, string | null> = {};
  for (const spec of FIELDS_BY_TYPE[toChannelType(values.type)]) {
    checks[spec.name] = checkField(spec, values[spec.name], t);
  }
  return collectErrors(checks);
}

/** The request for the chosen type: trimmed, optional fields left out when empty. */
export function toCreateChannelRequest(values: ChannelFormValues): CreateChannelRequest {
  const text = (value: string) => value.trim();
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const common = {
    name: text(values.name),
    accessToken: text(values.accessToken),
    ...(optional(values.appSecret) ? { appSecret: text(values.appSecret) } : {}),
  };
  switch (toChannelType(values.type)) {
    case 'whatsapp': {
      const display = optional(values.displayPhoneNumber);
      return {
        type: 'whatsapp',
        ...common,
        phoneNumberId: text(values.phoneNumberId),
        wabaId: text(values.wabaId),
        ...(display ? { displayPhoneNumber: display } : {}),
      };
    }
    case 'messenger':
      return { type: 'messenger', ...common, pageId: text(values.pageId) };
    case 'instagram': {
      const pageId = optional(values.pageId);
      const username = optional(values.username);
      return {
        type: 'instagram',
        ...common,
        instagramAccountId: text(values.instagramAccountId),
        ...(pageId ? { pageId } : {}),
        ...(username ? { username } : {}),
      };
    }
  }
}

/** The contract's own English validation texts for channel fields, and their UI keys. */
type ChannelErrorKey = `channels.fieldErrors.${keyof (typeof en)['channels']['fieldErrors']}`;
const CONTRACT_MESSAGES: ReadonlyMap<string, ChannelErrorKey> = new Map([
  ['must be the numeric id Meta shows', 'channels.fieldErrors.graphId'],
  ['must be a Meta access token', 'channels.fieldErrors.token'],
  ['must be the app secret from the App Dashboard', 'channels.fieldErrors.appSecret'],
  ['is needed to reconnect the channel', 'channels.fieldErrors.tokenNeeded'],
]);

/**
 * Server field errors on channel requests in the UI language, keyed by input name
 * (`body.phoneNumberId` → `phoneNumberId`). Messages this feature does not know are left out,
 * so the shared error text's own translation applies to them.
 */
export function channelFieldMessages(fields: readonly FieldError[], t: TFunction): FieldMessages {
  const messages: FieldMessages = {};
  for (const { field, message } of fields) {
    const key = CONTRACT_MESSAGES.get(message);
    if (key) messages[field.replace(/^(body|query|params)\./, '')] ??= t(key);
  }
  return messages;
}
