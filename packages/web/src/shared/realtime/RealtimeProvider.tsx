import type { RealtimeEvent } from '@charla/contracts';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { API_BASE, requestJson } from '../api/client.ts';
import { RealtimeStatusIndicator } from './RealtimeStatusIndicator.tsx';
import { type EventsPage, RealtimeClient, type RealtimeStatus } from './realtime-client.ts';

type EventHandler = (event: RealtimeEvent) => void;
type Subscribe = (handler: EventHandler) => () => void;

const SubscribeContext = createContext<Subscribe | null>(null);
const StatusContext = createContext<RealtimeStatus | null>(null);

/** Largest page the server allows: a resync after a long drop takes as few requests as possible. */
const EVENTS_PAGE_SIZE = 1000;

function socketUrl(after: number | null): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const query = after === null ? '' : `?after=${after}`;
  return `${scheme}://${window.location.host}${API_BASE}/realtime${query}`;
}

function fetchEvents(after: number): Promise<EventsPage> {
  return requestJson<EventsPage>('GET', `/events?after=${after}&limit=${EVENTS_PAGE_SIZE}`);
}

type RealtimeProviderProps = {
  children: ReactNode;
  /** The socket was refused or revoked: check whether this browser is still signed in. */
  onRefused: () => void;
};

/**
 * The signed-in tab's one live connection. Mount it once inside the signed-in app; features
 * subscribe with `useRealtimeEvents` and read the connection state with `useRealtimeStatus`.
 */
export function RealtimeProvider({ children, onRefused }: RealtimeProviderProps) {
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  const [subscribe] = useState(() => {
    const handlers = new Set<EventHandler>();
    const add: Subscribe = (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    };
    return { handlers, add };
  });
  const onRefusedRef = useRef(onRefused);
  useEffect(() => {
    onRefusedRef.current = onRefused;
  });

  useEffect(() => {
    const client = new RealtimeClient({
      openSocket: (after) => new WebSocket(socketUrl(after)),
      fetchEvents,
      onEvent: (event) => {
        for (const handler of subscribe.handlers) handler(event);
      },
      onStatus: setStatus,
      onRefused: () => onRefusedRef.current(),
    });
    const handleOnline = () => client.retryNow();
    window.addEventListener('online', handleOnline);
    client.start();
    return () => {
      window.removeEventListener('online', handleOnline);
      client.stop();
    };
  }, [subscribe]);

  return (
    <SubscribeContext.Provider value={subscribe.add}>
      <StatusContext.Provider value={status}>
        {children}
        <RealtimeStatusIndicator status={status} />
      </StatusContext.Provider>
    </SubscribeContext.Provider>
  );
}

/**
 * Calls `handler` with every event this tab applies, once each and in log order, for as long as
 * the component is mounted. The latest `handler` is used; it need not be memoised.
 */
export function useRealtimeEvents(handler: EventHandler): void {
  const subscribe = useContext(SubscribeContext);
  if (!subscribe) throw new Error('useRealtimeEvents() used outside <RealtimeProvider>');
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(() => subscribe((event) => handlerRef.current(event)), [subscribe]);
}

/** `connecting` (first connection), `live`, or `offline` (dropped, reconnecting). */
export function useRealtimeStatus(): RealtimeStatus {
  const status = useContext(StatusContext);
  if (status === null) throw new Error('useRealtimeStatus() used outside <RealtimeProvider>');
  return status;
}
