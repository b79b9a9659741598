import { fieldError } from '../platform/errors.ts';
import type { StoredItem } from './orders.presenter.ts';

/** Items as stored (sku null when absent) and their total in minor units, refused if it overflows. */
export function itemsWithTotal(
  items: { name: string; sku?: string | null; quantity: number; unitPrice: number }[],
  field: string,
): { items: StoredItem[]; total: number } {
  const stored = items.map((item) => ({
    name: item.name,
    sku: item.sku ? item.sku : null,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
  }));
  const total = stored.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
  if (!Number.isSafeInteger(total)) throw fieldError(field, 'add up to a total too large to store');
  return { items: stored, total };
}

/** How many decimals a currency's major unit has (2 for MXN and USD, 0 for JPY, 3 for KWD). */
export function minorDigitsOf(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/**
 * Reads a price written in major units (`1250`, `12.5`, `12.50`) into minor units without
 * floating point; null when it is not a plain non-negative number with at most the currency's
 * decimals.
 */
export function parseMajorAmount(text: string, currency: string): number | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const digits = minorDigitsOf(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(`${match[1]}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(minor) ? minor : null;
}
