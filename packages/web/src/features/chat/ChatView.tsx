import type { Message } from '@charla/contracts';
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert } from '../../shared/ui/index.ts';
import { useSession } from '../auth/index.ts';
import { useMembers } from '../settings/members.queries.ts';
import { ChatTopBar } from './ChatTopBar.tsx';
import styles from './ChatView.module.css';
import { Composer } from './Composer.tsx';
import type { ComposerSuggestionSource } from './composer-suggestions.ts';
import { useConversation, useOpenOnView } from './conversation.queries.ts';
import { Thread } from './Thread.tsx';
import { useThread } from './thread.queries.ts';
import { useSendMessage } from './useSendMessage.ts';

export type ChatViewProps = {
  conversationId: string;
  onBack: () => void;
  panelOpen: boolean;
  panelId: string;
  onTogglePanel: () => void;
  suggestions?: ComposerSuggestionSource | undefined;
};

/** One open conversation: its top bar, thread and composer. */
export function ChatView({ conversationId, suggestions, ...bar }: ChatViewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const conversation = useConversation(conversationId);
  const thread = useThread(conversationId);
  const errorText = useErrorText(conversation.error ?? thread.error);
  useOpenOnView(conversation.data);

  if (errorText) {
    return (
      <div className={styles.center}>
        <Alert tone="danger">{errorText.message}</Alert>
      </div>
    );
  }
  if (!conversation.data || !thread.messages) {
    return (
      <div className={styles.center}>
        <p role="status">{t('chat.loading')}</p>
      </div>
    );
  }
  return (
    <LoadedChat
      {...bar}
      headingId={headingId}
      conversation={conversation.data}
      thread={{ ...thread, messages: thread.messages }}
      suggestions={suggestions}
    />
  );
}

type LoadedChatProps = Omit<ChatViewProps, 'conversationId'> & {
  headingId: string;
  conversation: NonNullable<ReturnType<typeof useConversation>['data']>;
  thread: ReturnType<typeof useThread> & { messages: Message[] };
};

function LoadedChat({ conversation, thread, headingId, suggestions, ...bar }: LoadedChatProps) {
  const { member } = useSession();
  const members = useMembers();
  const { send, retry } = useSendMessage(conversation);
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const canWrite = member.role !== 'supervisor';
  const names = useMemo(
    () => new Map((members.data ?? []).map((candidate) => [candidate.id, candidate.name])),
    [members.data],
  );
  const memberName = useCallback((memberId: string) => names.get(memberId) ?? null, [names]);

  return (
    <section className={styles.chat} aria-labelledby={headingId}>
      <ChatTopBar conversation={conversation} headingId={headingId} {...bar} />
      <Thread
        messages={thread.messages}
        hasOlder={thread.hasOlder}
        loadingOlder={thread.loadingOlder}
        olderError={thread.olderError}
        loadOlder={thread.loadOlder}
        canWrite={canWrite}
        memberName={memberName}
        onReply={setReplyTo}
        onRetry={retry}
      />
      <Composer
        key={conversation.id}
        conversation={conversation}
        canSendToCustomer={canWrite}
        replyTo={replyTo}
        onCancelReply={() => setReplyTo(null)}
        onSend={send}
        suggestions={suggestions}
      />
    </section>
  );
}
