import type { ChannelType } from '@charla/contracts';
import { normalizeText } from '../customers/customer-search.ts';
import {
  BUSINESS_NAMES,
  COUNTRIES,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  PROFILE_DECORATIONS,
  type SeedCountry,
  type SeedLanguage,
} from './seed-names.ts';
import type { Random } from './seed-random.ts';

/** A made-up customer, before it becomes rows. */
export interface SeedPerson {
  language: SeedLanguage;
  country: SeedCountry;
  /** Names as an agent typed them into the CRM; null when nobody did. */
  firstName: string | null;
  lastName: string | null;
  /** The name the channel reports (WhatsApp profile, Facebook name, Instagram username). */
  profileName: string | null;
  /** E.164 digits without `+`, unique per seed run; null for most Messenger/Instagram customers. */
  phone: string | null;
  email: string | null;
  /** What an agent calls them in a reply. */
  givenName: string;
  city: string;
}

const COUNTRY_WEIGHTS = COUNTRIES.map((country) => [country, country.weight] as const);

/** Lower-case ASCII for an e-mail local part or an Instagram handle: "Ñúñez" → "nunez". */
function handleOf(value: string): string {
  return normalizeText(value).replace(/[^a-z0-9]/g, '');
}

/** Draws customers; phone numbers never repeat within one run (they are WhatsApp identities). */
export class PersonFactory {
  constructor(
    private readonly rng: Random,
    private readonly usedPhones: Set<string>,
  ) {}

  /** A customer first seen on a channel of type `channelType`. */
  person(channelType: ChannelType): SeedPerson {
    const { rng } = this;
    const country = rng.weighted(COUNTRY_WEIGHTS);
    // Some customers in the US write in Spanish.
    const language: SeedLanguage = country.code === 'US' && rng.chance(0.35) ? 'es' : country.language;
    const first = rng.pick(FIRST_NAMES[language]);
    const last = rng.chance(0.25)
      ? `${rng.pick(LAST_NAMES[language])} ${rng.pick(LAST_NAMES[language])}`
      : rng.pick(LAST_NAMES[language]);
    const known = rng.chance(0.6);
    const phone = channelType === 'whatsapp' || rng.chance(0.15) ? this.phoneIn(country) : null;
    const email = rng.chance(0.3) ? this.emailOf(first, last, language) : null;
    return {
      language,
      country,
      firstName: known ? first : null,
      lastName: known ? last : null,
      profileName: this.profileName(channelType, first, last),
      phone,
      email,
      givenName: first,
      city: rng.pick(country.cities),
    };
  }

  /** A mobile number of the country that no other seeded customer has. */
  phoneIn(country: SeedCountry): string {
    for (;;) {
      const area = this.rng.pick(country.areas);
      const phone = `${country.prefix}${area}${this.rng.digits(country.nationalDigits - area.length)}`;
      if (this.usedPhones.has(phone)) continue;
      this.usedPhones.add(phone);
      return phone;
    }
  }

  private emailOf(first: string, last: string, language: SeedLanguage): string {
    const lastWord = last.split(' ')[0] ?? last;
    const style = this.rng.int(0, 3);
    const local =
      style === 0
        ? `${handleOf(first)}.${handleOf(lastWord)}`
        : style === 1
          ? `${handleOf(first)}${handleOf(lastWord)}${this.rng.int(1, 99)}`
          : style === 2
            ? `${handleOf(first).slice(0, 1)}${handleOf(lastWord)}${this.rng.int(70, 2005)}`
            : `${handleOf(first)}_${handleOf(lastWord)}`;
    return `${local}@${this.rng.pick(EMAIL_DOMAINS[language])}`;
  }

  private profileName(channelType: ChannelType, first: string, last: string): string | null {
    const { rng } = this;
    const lastWord = last.split(' ')[0] ?? last;
    if (channelType === 'instagram') {
      return rng.chance(0.6)
        ? `${handleOf(first)}.${handleOf(lastWord)}${rng.chance(0.5) ? rng.int(1, 99) : ''}`
        : `${first} ${lastWord}`;
    }
    if (channelType === 'messenger') return `${first} ${lastWord}`;
    return rng.weighted<string | null>([
      [`${first} ${lastWord}`, 40],
      [first, 20],
      [`${first.slice(0, Math.max(3, Math.ceil(first.length / 2)))} ${rng.pick(PROFILE_DECORATIONS)}`, 15],
      [`${first} ${lastWord.slice(0, 1)}.`, 10],
      [rng.pick(BUSINESS_NAMES), 5],
      [null, 10],
    ]);
  }
}
