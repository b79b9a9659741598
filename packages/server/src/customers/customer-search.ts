/** Lower-case and strip accents: "José Ñúñez" → "jose nunez". */
export function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Only the digits of a phone: "+52 (55) 1234-5678" → "525512345678". */
export function phoneDigits(value: string): string {
  return value.replace(/\D/g, '');
}

/** Whether a query is a phone number typed with any formatting (digits, spaces, +, -, dots, brackets). */
export function looksLikePhone(query: string): boolean {
  return /^[+\d\s().-]+$/.test(query) && phoneDigits(query).length >= 3;
}

/**
 * The text customer search matches: names, e-mail and phone digits, normalised. Mexican
 * WhatsApp numbers arrive as 521 + 10 digits while people type 52 + 10 digits; both forms are
 * indexed so either finds the customer.
 */
export function buildSearchText(fields: {
  profileName?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
}): string {
  const fullName = [fields.firstName, fields.lastName].filter(Boolean).join(' ');
  const parts = [fullName, fields.profileName, fields.email]
    .filter((part): part is string => Boolean(part))
    .map(normalizeText);
  if (fields.phone) {
    const digits = phoneDigits(fields.phone);
    parts.push(digits);
    const mexicanMobile = /^521(\d{10})$/.exec(digits);
    if (mexicanMobile) parts.push(`52${mexicanMobile[1]}`);
  }
  return parts.join(' | ');
}

/** What to look for in search_text: phone digits for a phone-like query, else normalised text. */
export function searchNeedle(query: string): string {
  return looksLikePhone(query) ? phoneDigits(query) : normalizeText(query);
}

/** The name shown for a customer: first + last, else the profile name, else the phone. */
export function displayNameOf(customer: {
  first_name: string | null;
  last_name: string | null;
  profile_name: string | null;
  phone: string | null;
}): string {
  const full = [customer.first_name, customer.last_name].filter(Boolean).join(' ').trim();
  if (full) return full;
  if (customer.profile_name) return customer.profile_name;
  if (customer.phone) return `+${customer.phone}`;
  return '—';
}
