import type { CreateOrderRequest, OrderStatus } from '@charla/contracts';
import { parseMoney } from './money.ts';

/** One item line as typed in the order form. */
export type ItemDraft = { name: string; sku: string; quantity: string; unitPrice: string };
export type OrderDraft = { currency: string; status: OrderStatus; notes: string; items: ItemDraft[] };

/** What is wrong with a typed value, keyed like the server's fields (`items.0.unitPrice`). */
export type DraftProblem = 'required' | 'currency' | 'quantity' | 'price';
export type DraftResult =
  | { ok: true; request: CreateOrderRequest }
  | { ok: false; problems: Record<string, DraftProblem> };

export const emptyItem = (): ItemDraft => ({ name: '', sku: '', quantity: '1', unitPrice: '' });

function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}

/** The order form's text turned into the API request (prices in minor units), or what to fix where. */
export function orderRequestFromDraft(draft: OrderDraft): DraftResult {
  const problems: Record<string, DraftProblem> = {};
  const currency = draft.currency.trim().toUpperCase();
  if (!isCurrency(currency)) problems.currency = 'currency';
  const items = draft.items.map((item, index) => {
    const quantity = Number(item.quantity.trim());
    if (!item.name.trim()) problems[`items.${index}.name`] = 'required';
    if (!/^\d+$/.test(item.quantity.trim()) || quantity < 1) problems[`items.${index}.quantity`] = 'quantity';
    const unitPrice = isCurrency(currency) ? parseMoney(item.unitPrice, currency) : null;
    if (unitPrice === null && isCurrency(currency)) problems[`items.${index}.unitPrice`] = 'price';
    return { name: item.name.trim(), sku: item.sku.trim() || null, quantity, unitPrice: unitPrice ?? 0 };
  });
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: { currency, status: draft.status, notes: draft.notes.trim() || null, items },
  };
}

/** The order's total in minor units while it is typed; null until every line can be read. */
export function draftTotal(draft: OrderDraft): number | null {
  const result = orderRequestFromDraft(draft);
  if (!result.ok) return null;
  return result.request.items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
}
