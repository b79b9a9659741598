export { CustomersPage } from './CustomersPage.tsx';
export { FieldValueInput } from './FieldValueInput.tsx';
