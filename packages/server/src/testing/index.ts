export * from './sessions.ts';
export * from './test-app.ts';
export * from './test-db.ts';
