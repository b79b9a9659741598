import type { Conversation } from '@charla/contracts';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMatch } from 'react-router';
import { requestJson } from '../../shared/api/client.ts';
import { describeError } from '../../shared/api/index.ts';
import { showToast } from '../../shared/notifications/index.ts';
import { useSession } from '../auth/index.ts';

const conversationPath = (conversationId: string) => `/conversations/${encodeURIComponent(conversationId)}`;

/**
 * Resolve and assign-to-me for the conversation open in the address, for the palette and the
 * `e` / `a` keys. Both answer with a toast; the list and the panel follow by live events.
 */
export function useOpenConversationActions() {
  const { t, i18n } = useTranslation();
  const { member } = useSession();
  const conversationId = useMatch('/inbox/:conversationId')?.params.conversationId ?? null;
  const showFailure = (error: unknown) =>
    showToast({ title: describeError(error, t, i18n.resolvedLanguage).message });
  const resolve = useMutation({
    mutationFn: (id: string) =>
      requestJson<Conversation>('PUT', `${conversationPath(id)}/status`, { status: 'resolved' }),
    onSuccess: () => showToast({ title: t('shortcuts.done.resolved') }),
    onError: showFailure,
  });
  const assign = useMutation({
    mutationFn: (id: string) =>
      requestJson<Conversation>('PUT', `${conversationPath(id)}/assignee`, { memberId: member.id }),
    onSuccess: () => showToast({ title: t('shortcuts.done.assigned') }),
    onError: showFailure,
  });
  return {
    conversationId,
    resolve: () => conversationId && resolve.mutate(conversationId),
    assignToMe: () => conversationId && assign.mutate(conversationId),
  };
}
