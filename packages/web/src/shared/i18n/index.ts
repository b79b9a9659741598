export { formatDate, formatDateTime, formatRelative, useFormatters } from './format.ts';
export { changeLanguage, initI18n } from './i18n.ts';
export { LANGUAGES, type Language, toSupportedLanguage } from './language.ts';
