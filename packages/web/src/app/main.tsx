import '../shared/styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../shared/i18n/index.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { Providers } from './Providers.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');

// Texts must be ready before the first paint, or the page would flash untranslated keys.
await initI18n();

createRoot(container).render(
  <StrictMode>
    <Providers>
      <AppRoutes />
    </Providers>
  </StrictMode>,
);
