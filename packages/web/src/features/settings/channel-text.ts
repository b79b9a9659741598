import type { Channel } from '@charla/contracts';
import type { TFunction } from 'i18next';
import type { ChannelTestResponse } from './channels.api.ts';

/** The server's two sentences of its own (anything else is Meta's text, shown as sent). */
const META_ANSWERED = /^Meta answered for (.+)\.$/;
const NO_TOKEN = 'The channel is disconnected: it has no access token.';

/** "Connection works. Meta answered for +1 555…" in the UI language. */
export function describeTestResult(result: ChannelTestResponse, t: TFunction): string {
  const label = META_ANSWERED.exec(result.detail)?.[1];
  const detail = label
    ? t('channels.metaAnswered', { label })
    : result.detail === NO_TOKEN
      ? t('channels.testNoToken')
      : result.detail;
  return result.ok ? t('channels.testOk', { detail }) : t('channels.testFailed', { detail });
}

/** The labelled ids of a channel: what Meta calls them depends on the type. */
export function channelIds(channel: Channel, t: TFunction): Array<{ label: string; value: string }> {
  switch (channel.type) {
    case 'whatsapp':
      return [
        { label: t('channels.details.phoneNumberId'), value: channel.externalId },
        ...(channel.accountId ? [{ label: t('channels.details.wabaId'), value: channel.accountId }] : []),
      ];
    case 'messenger':
      return [{ label: t('channels.details.pageId'), value: channel.externalId }];
    case 'instagram':
      return [
        { label: t('channels.details.instagramAccountId'), value: channel.externalId },
        ...(channel.accountId
          ? [{ label: t('channels.details.linkedPageId'), value: channel.accountId }]
          : []),
      ];
  }
}

/** The address as people know it: the phone number, the Page name, or the @username. */
export function channelAddress(channel: Channel): string | null {
  if (!channel.address) return null;
  if (channel.type === 'instagram' && !channel.address.startsWith('@')) return `@${channel.address}`;
  return channel.address;
}
