import type { Conversation } from '@charla/contracts';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { requestJson } from '../../shared/api/client.ts';
import { changeLanguage, toSupportedLanguage } from '../../shared/i18n/index.ts';
import { useSession, useSignOut } from '../auth/index.ts';
import {
  filtersFromSearch,
  type InboxView,
  type StatusTab,
  searchFromFilters,
} from '../inbox/inbox-filters.ts';
import { openNewChat } from '../new-chat/new-chat-store.ts';
import { useOpenConversationActions } from './conversation-actions.ts';
import { filterCommands, type PaletteCommand } from './palette-filter.ts';

/** Searching starts at two characters, as in the conversation list. */
const MIN_SEARCH = 2;

type ListResponse = { items: Conversation[] };

function useConversationSearch(query: string) {
  const deferred = useDeferredValue(query.trim());
  return useQuery({
    queryKey: ['palette', 'conversations', deferred],
    queryFn: () =>
      requestJson<ListResponse>('GET', `/conversations?tab=all&limit=6&q=${encodeURIComponent(deferred)}`),
    enabled: deferred.length >= MIN_SEARCH,
    staleTime: 10_000,
  });
}

/** Everything the palette can do right now, filtered by what was typed; `close` runs first. */
export function usePaletteCommands(query: string, close: () => void, openSheet: () => void) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { member } = useSession();
  const signOut = useSignOut();
  const open = useOpenConversationActions();
  const search = useConversationSearch(query);

  const then = (action: () => void) => () => {
    close();
    action();
  };

  function showList(changes: { view?: InboxView; tab?: StatusTab }) {
    const onInbox = location.pathname === '/' || location.pathname.startsWith('/inbox');
    const filters = { ...filtersFromSearch(new URLSearchParams(location.search)), ...changes };
    navigate({ pathname: onInbox ? location.pathname : '/', search: searchFromFilters(filters).toString() });
  }

  const actions: PaletteCommand[] = open.conversationId
    ? [
        {
          id: 'resolve',
          group: 'actions',
          label: t('shortcuts.commands.resolve'),
          detail: 'E',
          run: then(open.resolve),
        },
        {
          id: 'assign-to-me',
          group: 'actions',
          label: t('shortcuts.commands.assignToMe'),
          detail: 'A',
          run: then(open.assignToMe),
        },
      ]
    : [];

  const views: [InboxView, 'viewMine' | 'viewUnassigned' | 'viewAll'][] = [
    ['mine', 'viewMine'],
    ['unassigned', 'viewUnassigned'],
    ['all', 'viewAll'],
  ];
  const tabs: [StatusTab, 'tabToResolve' | 'tabResolved' | 'tabAll'][] = [
    ['to-resolve', 'tabToResolve'],
    ['resolved', 'tabResolved'],
    ['all', 'tabAll'],
  ];
  const navigation: PaletteCommand[] = [
    {
      id: 'new-chat',
      group: 'navigation',
      label: t('shortcuts.commands.newChat'),
      detail: 'N',
      run: then(openNewChat),
    },
    ...views.map(
      ([view, key]): PaletteCommand => ({
        id: `view-${view}`,
        group: 'navigation',
        label: t(`shortcuts.commands.${key}`),
        run: then(() => showList({ view })),
      }),
    ),
    ...tabs.map(
      ([tab, key]): PaletteCommand => ({
        id: `tab-${tab}`,
        group: 'navigation',
        label: t(`shortcuts.commands.${key}`),
        run: then(() => showList({ tab })),
      }),
    ),
    ...(member.role === 'admin'
      ? [
          {
            id: 'settings',
            group: 'navigation' as const,
            label: t('shortcuts.commands.settings'),
            run: then(() => navigate('/settings/members')),
          },
        ]
      : []),
    {
      id: 'shortcuts',
      group: 'navigation',
      label: t('shortcuts.commands.showShortcuts'),
      detail: '?',
      run: then(openSheet),
    },
  ];

  const language = toSupportedLanguage(i18n.resolvedLanguage);
  const preferences: PaletteCommand[] = [
    ...(language === 'en'
      ? []
      : [
          {
            id: 'language-en',
            group: 'preferences' as const,
            label: t('shortcuts.commands.languageEn'),
            run: then(() => void changeLanguage('en')),
          },
        ]),
    ...(language === 'es'
      ? []
      : [
          {
            id: 'language-es',
            group: 'preferences' as const,
            label: t('shortcuts.commands.languageEs'),
            run: then(() => void changeLanguage('es')),
          },
        ]),
    {
      id: 'sign-out',
      group: 'preferences',
      label: t('shortcuts.commands.signOut'),
      run: then(() => signOut.mutate()),
    },
  ];

  const conversations: PaletteCommand[] = (
    query.trim().length >= MIN_SEARCH ? (search.data?.items ?? []) : []
  ).map((conversation) => ({
    id: `conversation-${conversation.id}`,
    group: 'conversations',
    label: conversation.customer.displayName,
    detail: conversation.channel.name,
    run: then(() => navigate(`/inbox/${conversation.id}`)),
  }));

  return {
    commands: [...conversations, ...filterCommands([...actions, ...navigation, ...preferences], query)],
    searching: search.isFetching,
  };
}
