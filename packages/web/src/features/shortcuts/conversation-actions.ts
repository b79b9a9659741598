import type { Conversation } from '@charla/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMatch } from 'react-router';
import { describeError } from '../../shared/api/index.ts';
import { showToast } from '../../shared/notifications/index.ts';
import { useSession } from '../auth/index.ts';
import { chatApi, conversationQueryKey } from '../chat/index.ts';

/**
 * Resolve and assign-to-me for the conversation open in the address, for the palette and the
 * `e` / `a` keys. Assigning compares against the owner on screen, like the top bar, so it never
 * takes a chat a colleague claimed a moment ago. Both answer with a toast; the list and the
 * panel follow by live events.
 */
export function useOpenConversationActions() {
  const { t, i18n } = useTranslation();
  const { member } = useSession();
  const queryClient = useQueryClient();
  const conversationId = useMatch('/inbox/:conversationId')?.params.conversationId ?? null;
  const showFailure = (error: unknown) =>
    showToast({ title: describeError(error, t, i18n.resolvedLanguage).message });
  const remember = (fresh: Conversation) => queryClient.setQueryData(conversationQueryKey(fresh.id), fresh);
  const resolve = useMutation({
    mutationFn: (id: string) => chatApi.setStatus(id, 'resolved'),
    onSuccess: (fresh) => {
      remember(fresh);
      showToast({ title: t('shortcuts.done.resolved') });
    },
    onError: showFailure,
  });
  const assign = useMutation({
    mutationFn: async (id: string) => {
      const shown =
        queryClient.getQueryData<Conversation>(conversationQueryKey(id)) ??
        (await chatApi.getConversation(id));
      return chatApi.assign(id, member.id, shown.assignee?.id ?? null);
    },
    onSuccess: (fresh) => {
      remember(fresh);
      showToast({ title: t('shortcuts.done.assigned') });
    },
    onError: showFailure,
  });
  return {
    conversationId,
    resolve: () => conversationId && resolve.mutate(conversationId),
    assignToMe: () => conversationId && assign.mutate(conversationId),
  };
}
