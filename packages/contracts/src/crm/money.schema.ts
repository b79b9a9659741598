import { z } from 'zod';

/** An ISO 4217 currency code, upper case (`MXN`, `USD`, `EUR`). */
export const currencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code), {
    message: 'must be a three-letter ISO 4217 currency code (e.g. MXN, USD)',
  });

/** An amount in the currency's minor units (cents): an integer, never a float. */
export const amountMinorSchema = z
  .number({ message: 'must be a whole number of minor units (e.g. cents)' })
  .int({ message: 'must be a whole number of minor units (e.g. cents)' })
  .nonnegative({ message: 'must not be negative' })
  .max(Number.MAX_SAFE_INTEGER, { message: 'is too large' });

/** A sum of amounts in one currency. */
export const moneyTotalSchema = z.object({ currency: z.string(), amount: z.number().int() });
export type MoneyTotal = z.infer<typeof moneyTotalSchema>;
