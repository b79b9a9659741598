import { type ParsedPhone, parsePhoneNumber } from '@charla/contracts/rules';

/** Countries the picker offers, by region code, with their calling code; Latin America first. */
export const COUNTRIES = [
  { region: 'MX', code: '52' },
  { region: 'CO', code: '57' },
  { region: 'AR', code: '54' },
  { region: 'CL', code: '56' },
  { region: 'PE', code: '51' },
  { region: 'EC', code: '593' },
  { region: 'VE', code: '58' },
  { region: 'GT', code: '502' },
  { region: 'SV', code: '503' },
  { region: 'HN', code: '504' },
  { region: 'NI', code: '505' },
  { region: 'CR', code: '506' },
  { region: 'PA', code: '507' },
  { region: 'DO', code: '1' },
  { region: 'UY', code: '598' },
  { region: 'PY', code: '595' },
  { region: 'BO', code: '591' },
  { region: 'BR', code: '55' },
  { region: 'US', code: '1' },
  { region: 'ES', code: '34' },
] as const;

export type Region = (typeof COUNTRIES)[number]['region'];

/**
 * The number as the member means it: typed with `+` or `00` it carries its own country code;
 * otherwise the picked country's code goes in front.
 */
export function internationalNumber(region: Region, typed: string): string {
  const trimmed = typed.trim();
  if (trimmed === '' || trimmed.startsWith('+') || trimmed.startsWith('00')) return trimmed;
  const country = COUNTRIES.find((item) => item.region === region);
  return `+${country?.code ?? ''} ${trimmed}`;
}

/** The typed number read with the picked country, ready for the API or with what is wrong. */
export function readPhoneEntry(region: Region, typed: string): ParsedPhone {
  return parsePhoneNumber(internationalNumber(region, typed));
}

/**
 * The country a number most likely belongs to (longest calling code that prefixes it), so the
 * picker starts at the business's own country. `1` is shared; the United States is assumed.
 */
export function regionOfNumber(digits: string | null, fallback: Region = 'MX'): Region {
  if (!digits) return fallback;
  const matches = COUNTRIES.filter((item) => digits.startsWith(item.code));
  if (matches.length === 0) return fallback;
  const longest = Math.max(...matches.map((item) => item.code.length));
  const best = matches.filter((item) => item.code.length === longest);
  return best.find((item) => item.region === 'US')?.region ?? best[0]?.region ?? fallback;
}

/** "Mexico (+52)" / "México (+52)" in the UI language. */
export function countryLabel(region: Region, language: string): string {
  const code = COUNTRIES.find((item) => item.region === region)?.code ?? '';
  let name: string = region;
  try {
    name = new Intl.DisplayNames([language], { type: 'region' }).of(region) ?? region;
  } catch {
    // An old browser without DisplayNames shows the region code.
  }
  return `${name} (+${code})`;
}
