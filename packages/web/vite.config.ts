import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, runnerImport } from 'vite';

/** The API server `npm run dev` talks to; the built app is served by that server itself. */
const apiTarget = process.env.CHARLA_API_URL ?? 'http://localhost:3000';

const CONTRACT_VALUES_ID = 'virtual:charla/contract-values';

/**
 * Serves the few runtime values the web app needs from `@charla/contracts` (error catalog,
 * roles) as plain data. Importing them from the package at runtime would pull zod (~10–20 KB
 * gzip) into the bundle, because the same modules declare schemas; reading them here at build
 * time keeps them declared once without shipping zod.
 */
function contractValues(): Plugin {
  const resolvedId = `\0${CONTRACT_VALUES_ID}`;
  return {
    name: 'charla-contract-values',
    resolveId: (source) => (source === CONTRACT_VALUES_ID ? resolvedId : null),
    async load(id) {
      if (id !== resolvedId) return null;
      // Contracts are TypeScript sources; Vite's module runner can import them, Node cannot.
      const { module } = await runnerImport<typeof import('@charla/contracts')>('@charla/contracts', {
        configFile: false,
        logLevel: 'silent',
      });
      const { ERROR_CATALOG, ROLES } = module;
      return `export const ERROR_CATALOG = ${JSON.stringify(ERROR_CATALOG)};\nexport const ROLES = ${JSON.stringify(ROLES)};\n`;
    },
  };
}

export default defineConfig({
  plugins: [react(), contractValues()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    // No `changeOrigin`: the server accepts cookie writes whose Origin matches the Host header,
    // and both stay `localhost:5173` when the proxy forwards the browser's Host unchanged.
    proxy: {
      '/api': { target: apiTarget, ws: true },
      '/webhooks': { target: apiTarget },
    },
  },
});
