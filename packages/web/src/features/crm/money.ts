/** How many minor units a currency has (MXN, USD: 2; JPY: 0; KWD: 3), as Intl knows it. */
export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** An amount in minor units shown in the UI language: 123450 MXN → "MX$1,234.50" / "1234,50 MXN". */
export function formatMoney(amountMinor: number, currency: string, language: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amountMinor / 10 ** digits);
}

/**
 * What a person typed as a price, in minor units: "12.5" or "12,50" → 1250 (MXN); "1200" → 1200
 * (JPY). Null when it is not a plain non-negative amount with at most the currency's decimals
 * (no thousands separators, no signs), so the form can say so at the field.
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(text.trim());
  if (!match) return null;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}
