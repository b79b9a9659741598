export * from './fake-sender.ts';
export * from './inbox-factories.ts';
export * from './meta-webhooks.ts';
export * from './realtime-client.ts';
export * from './realtime-events.ts';
export * from './sessions.ts';
export * from './test-app.ts';
export * from './test-db.ts';
