import { Navigate, Outlet, useLocation } from 'react-router';
import { useSessionQuery } from '../features/auth/index.ts';
import { useSetupStatus } from '../features/setup/index.ts';
import { ErrorScreen, LoadingScreen } from '../shared/ui/index.ts';

/** Before anything else: a Charla without a workspace only shows the setup page. */
export function SetupGate() {
  const status = useSetupStatus();
  const location = useLocation();
  if (status.isPending) return <LoadingScreen />;
  if (status.isError) return <ErrorScreen onRetry={() => void status.refetch()} />;
  if (status.data.needsSetup && location.pathname !== '/setup') return <Navigate to="/setup" replace />;
  return <Outlet />;
}

/** Screens for members only: visitors go to sign in and come back here afterwards. */
export function RequireSession() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) return <LoadingScreen />;
  if (session.isError) return <ErrorScreen onRetry={() => void session.refetch()} />;
  if (!session.data) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <Outlet />;
}
