import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server `npm run dev` talks to; the built app is served by that server itself. */
const apiTarget = process.env.CHARLA_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, ws: true },
      '/webhooks': { target: apiTarget },
    },
  },
});
