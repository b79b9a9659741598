export { ApiError, setCsrfToken } from './client.ts';
export { api } from './endpoints.ts';
export { catalogText, describeError, type ErrorText } from './error-text.ts';
export { useErrorText } from './useErrorText.ts';
