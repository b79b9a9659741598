export { eventRoutes } from './events.routes.ts';
export { listVisibleEvents } from './list-visible-events.ts';
export { realtimeRoutes } from './realtime.routes.ts';
export { DEFAULT_HUB_OPTIONS, RealtimeHub, type RealtimeHubOptions } from './realtime-hub.ts';
