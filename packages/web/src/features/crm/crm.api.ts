import type {
  CreateOrderRequest,
  CreateReminderRequest,
  CustomerFieldValue,
  CustomerNote,
  CustomerOrdersResponse,
  CustomerProfile,
  Order,
  OrderStatus,
  Reminder,
  Tag,
  TagWithUsage,
  UpdateCustomerRequest,
} from '@charla/contracts';
import { requestJson, send } from '../../shared/api/client.ts';

const customerPath = (customerId: string) => `/customers/${encodeURIComponent(customerId)}`;

/** Every call the CRM record beside the chat makes, typed by `@charla/contracts`. */
export const crmApi = {
  updateCustomer: (customerId: string, body: UpdateCustomerRequest) =>
    requestJson<CustomerProfile>('PATCH', customerPath(customerId), body),

  listTags: async (): Promise<TagWithUsage[]> =>
    (await requestJson<{ items: TagWithUsage[] }>('GET', '/tags')).items,
  addTag: (customerId: string, tagId: string) =>
    requestJson<Tag>('PUT', `${customerPath(customerId)}/tags/${encodeURIComponent(tagId)}`),
  addTagByName: (customerId: string, name: string, color: string) =>
    requestJson<Tag>('POST', `${customerPath(customerId)}/tags`, { name, color }),
  removeTag: async (customerId: string, tagId: string) => {
    await send('DELETE', `${customerPath(customerId)}/tags/${encodeURIComponent(tagId)}`);
  },

  listNotes: async (customerId: string): Promise<CustomerNote[]> =>
    (await requestJson<{ items: CustomerNote[] }>('GET', `${customerPath(customerId)}/notes`)).items,
  addNote: (customerId: string, body: string) =>
    requestJson<CustomerNote>('POST', `${customerPath(customerId)}/notes`, { body }),
  editNote: (customerId: string, noteId: string, body: string) =>
    requestJson<CustomerNote>('PATCH', `${customerPath(customerId)}/notes/${encodeURIComponent(noteId)}`, {
      body,
    }),
  deleteNote: async (customerId: string, noteId: string) => {
    await send('DELETE', `${customerPath(customerId)}/notes/${encodeURIComponent(noteId)}`);
  },

  listFieldValues: async (customerId: string): Promise<CustomerFieldValue[]> =>
    (await requestJson<{ items: CustomerFieldValue[] }>('GET', `${customerPath(customerId)}/custom-fields`))
      .items,
  setFieldValue: (customerId: string, fieldId: string, value: string | number | boolean | null) =>
    requestJson<CustomerFieldValue>(
      'PUT',
      `${customerPath(customerId)}/custom-fields/${encodeURIComponent(fieldId)}`,
      { value },
    ),

  listOrders: (customerId: string) =>
    requestJson<CustomerOrdersResponse>('GET', `${customerPath(customerId)}/orders`),
  createOrder: (customerId: string, body: CreateOrderRequest) =>
    requestJson<Order>('POST', `${customerPath(customerId)}/orders`, body),
  setOrderStatus: (orderId: string, status: OrderStatus) =>
    requestJson<Order>('PATCH', `/orders/${encodeURIComponent(orderId)}`, { status }),

  listReminders: async (customerId: string): Promise<Reminder[]> =>
    (await requestJson<{ items: Reminder[] }>('GET', `${customerPath(customerId)}/reminders`)).items,
  createReminder: (customerId: string, body: CreateReminderRequest) =>
    requestJson<Reminder>('POST', `${customerPath(customerId)}/reminders`, body),
  cancelReminder: (reminderId: string) =>
    requestJson<Reminder>('POST', `/reminders/${encodeURIComponent(reminderId)}/cancel`),
  workspaceTimeZone: async (): Promise<string> =>
    (await requestJson<{ timeZone: string }>('GET', '/workspace/time-zone')).timeZone,
};
