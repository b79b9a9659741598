export { DealsPage } from './DealsPage.tsx';
