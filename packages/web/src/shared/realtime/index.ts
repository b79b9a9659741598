export { RealtimeProvider, useRealtimeEvents, useRealtimeStatus } from './RealtimeProvider.tsx';
export type { RealtimeStatus } from './realtime-client.ts';
