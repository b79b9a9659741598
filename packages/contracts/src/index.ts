export * from './auth/auth.schema.ts';
export * from './common/errors.ts';
export * from './common/primitives.ts';
export * from './members/members.schema.ts';
