import type { RandomSource } from '../platform/random.ts';

/** Language a simulated customer writes in. */
export type Locale = 'es' | 'en';

/** A simulated customer: a name, a language, and ids on each channel. */
export interface Persona {
  firstName: string;
  lastName: string;
  locale: Locale;
  /** ISO country code of the phone number. */
  country: string;
  /** WhatsApp id (digits, country code first, no +). */
  waId: string;
  /** Messenger page-scoped id. */
  psid: string;
  /** Instagram-scoped id. */
  igsid: string;
  username: string;
}

const SPANISH_FIRST = [
  'José',
  'María',
  'Sofía',
  'Ramón',
  'Inés',
  'Begoña',
  'Andrés',
  'Lucía',
  'Nicolás',
  'Valentina',
  'Joaquín',
  'Agustín',
  'Camila',
  'Martín',
  'Renata',
  'Mateo',
  'Ximena',
  'Íñigo',
  'Máximo',
  'Zoé',
  'Germán',
  'Aitana',
  'Tomás',
  'Mónica',
  'Sebastián',
  'Florencia',
  'Héctor',
  'Rocío',
] as const;
const SPANISH_LAST = [
  'Pérez',
  'González',
  'Rodríguez',
  'Muñoz',
  'Núñez',
  'Sánchez',
  'Gómez',
  'Fernández',
  'López',
  'Díaz',
  'Martínez',
  'Jiménez',
  'Báez',
  'Ibáñez',
  'Peña',
  'Castañeda',
  'Ramírez',
  'Gutiérrez',
  'Álvarez',
  'Ordóñez',
] as const;
const ENGLISH_FIRST = [
  'Emily',
  'James',
  'Olivia',
  'Noah',
  'Ava',
  'Liam',
  'Chloé',
  'Ethan',
  'Grace',
  'Lucas',
  'Zoë',
  'Henry',
] as const;
const ENGLISH_LAST = [
  'Smith',
  'Johnson',
  'Nguyen',
  'Brown',
  "O'Brien",
  'Miller',
  'Davis',
  'García',
  'Wilson',
  'Taylor',
] as const;

/** Mobile number shapes as WhatsApp reports them in `wa_id` (Mexico 521…, Argentina 549…). */
const PHONE_PLANS: readonly { country: string; locale: Locale; prefix: readonly string[]; digits: number }[] =
  [
    { country: 'MX', locale: 'es', prefix: ['52155', '52133', '52181'], digits: 8 },
    { country: 'AR', locale: 'es', prefix: ['54911', '549351', '549261'], digits: 7 },
    { country: 'CO', locale: 'es', prefix: ['57300', '57310', '57320'], digits: 7 },
    { country: 'CL', locale: 'es', prefix: ['569'], digits: 8 },
    { country: 'PE', locale: 'es', prefix: ['519'], digits: 8 },
    { country: 'EC', locale: 'es', prefix: ['5939'], digits: 8 },
    { country: 'US', locale: 'en', prefix: ['1305', '1786', '1212', '1415', '1512'], digits: 7 },
  ];

function asciiHandle(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase();
}

/**
 * A new random persona. US numbers get English speakers four times out of five (the rest write
 * in Spanish); Latin American numbers write in Spanish.
 */
export function createPersona(
  random: RandomSource,
  numericId: (length: number) => string,
  locale?: Locale,
): Persona {
  const plans = locale ? PHONE_PLANS.filter((p) => p.locale === locale || p.country === 'US') : PHONE_PLANS;
  const plan = random.pick(plans);
  const language: Locale = locale ?? (plan.country === 'US' && random.chance(0.2) ? 'es' : plan.locale);
  const firstName = random.pick(language === 'es' ? SPANISH_FIRST : ENGLISH_FIRST);
  const lastName = random.pick(language === 'es' ? SPANISH_LAST : ENGLISH_LAST);
  let local = '';
  while (local.length < plan.digits) local += String(random.int(0, 9));
  return {
    firstName,
    lastName,
    locale: language,
    country: plan.country,
    waId: `${random.pick(plan.prefix)}${local}`,
    psid: numericId(16),
    igsid: numericId(17),
    username: `${asciiHandle(firstName)}.${asciiHandle(lastName)}${random.int(1, 99)}`,
  };
}
