import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { LoginPage, sessionQueryKey } from '../features/auth/index.ts';
import { InboxPage } from '../features/inbox/index.ts';
import { ApiError, api } from '../shared/api/index.ts';
import { RealtimeProvider } from '../shared/realtime/index.ts';
import { LoadingScreen } from '../shared/ui/index.ts';
import { RequireSession, SetupGate } from './guards.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { AppShell } from './shell/AppShell.tsx';

// Setup runs once and settings are for admins: neither belongs in the inbox's first download.
const SetupPage = lazy(() =>
  import('../features/setup/SetupPage.tsx').then((m) => ({ default: m.SetupPage })),
);
const settings = () => import('../features/settings/index.ts');
const SettingsLayout = lazy(() => settings().then((m) => ({ default: m.SettingsLayout })));
const MembersPage = lazy(() => settings().then((m) => ({ default: m.MembersPage })));
const ApiKeysPage = lazy(() => settings().then((m) => ({ default: m.ApiKeysPage })));
const ChannelsPage = lazy(() => settings().then((m) => ({ default: m.ChannelsPage })));
const TagsPage = lazy(() => settings().then((m) => ({ default: m.TagsPage })));
const CustomFieldsPage = lazy(() => settings().then((m) => ({ default: m.CustomFieldsPage })));
const FunnelsPage = lazy(() => settings().then((m) => ({ default: m.FunnelsPage })));
const QuickRepliesPage = lazy(() =>
  import('../features/quick-replies/QuickRepliesPage.tsx').then((m) => ({ default: m.QuickRepliesPage })),
);
const DealsPage = lazy(() => import('../features/deals/index.ts').then((m) => ({ default: m.DealsPage })));
const CustomersPage = lazy(() =>
  import('../features/customers/index.ts').then((m) => ({ default: m.CustomersPage })),
);

/**
 * The signed-in frame with the tab's live connection. A refused socket may mean the session
 * ended: only a 401 signs the tab out (a server that is down just gets retried).
 */
function SignedInApp() {
  const queryClient = useQueryClient();
  async function recheckSession() {
    try {
      await api.getMe();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(sessionQueryKey, null);
    }
  }
  return (
    <RealtimeProvider onRefused={() => void recheckSession()}>
      <AppShell />
    </RealtimeProvider>
  );
}

/** Every screen of the app and who may see it. */
export function AppRoutes() {
  return (
    <Suspense fallback={<LoadingScreen />}>
      <Routes>
        <Route element={<SetupGate />}>
          <Route path="/setup" element={<SetupPage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route element={<RequireSession />}>
            <Route element={<SignedInApp />}>
              <Route index element={<InboxPage />} />
              <Route path="inbox/:conversationId?" element={<InboxPage />} />
              <Route path="settings" element={<SettingsLayout />}>
                <Route index element={<Navigate to="members" replace />} />
                <Route path="members" element={<MembersPage />} />
                <Route path="channels" element={<ChannelsPage />} />
                <Route path="api-keys" element={<ApiKeysPage />} />
                <Route path="tags" element={<TagsPage />} />
                <Route path="custom-fields" element={<CustomFieldsPage />} />
                <Route path="funnels" element={<FunnelsPage />} />
                <Route path="quick-replies" element={<QuickRepliesPage />} />
              </Route>
              <Route path="deals" element={<DealsPage />} />
              <Route path="customers" element={<CustomersPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
