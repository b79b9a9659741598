/** Build-time copies of runtime values from `@charla/contracts` (see `contractValues()` in vite.config.ts). */
declare module 'virtual:charla/contract-values' {
  export const ERROR_CATALOG: typeof import('@charla/contracts').ERROR_CATALOG;
  export const ROLES: typeof import('@charla/contracts').ROLES;
}
