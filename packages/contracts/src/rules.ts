/**
 * The pure rules shared by the server (which enforces them) and the web app (which shows them
 * before asking): no zod here, so the browser bundle can import them at runtime.
 */
export * from './crm/custom-field-value.ts';
export * from './inbox/media-limits.ts';
export * from './inbox/messaging-window.ts';
export * from './inbox/phone-number.ts';
export * from './inbox/status-moves.ts';
export * from './inbox/template-text.ts';
