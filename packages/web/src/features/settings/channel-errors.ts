import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorText, useErrorText } from '../../shared/api/index.ts';
import { channelFieldMessages } from './channel-form.ts';

/** Like `useErrorText`, with the contract's channel field messages in the UI language. */
export function useChannelErrorText(error: unknown): ErrorText | null {
  const { t } = useTranslation();
  const text = useErrorText(error);
  if (!text || !(error instanceof ApiError)) return text;
  return { ...text, fields: { ...text.fields, ...channelFieldMessages(error.fields, t) } };
}
