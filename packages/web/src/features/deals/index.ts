export { CustomerDealsSection } from './CustomerDealsSection.tsx';
export { DealsPage } from './DealsPage.tsx';
