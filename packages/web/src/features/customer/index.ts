export { CustomerProfileView } from './CustomerProfileView.tsx';
export { customerQueryKey, useConversationCustomer } from './customer.queries.ts';
