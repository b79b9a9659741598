import type { Attachment, ChannelType, MessageContent } from '@charla/contracts';
import type { SeedLanguage } from './seed-names.ts';
import type { SeedPerson } from './seed-people.ts';
import type { Random } from './seed-random.ts';
import { DOCUMENT_NAMES, fillPhrase, PHRASES, PLACES, type SeedPhrasebook, TEMPLATES } from './seed-texts.ts';

/** What one message carries: the columns `kind`, `body`, `content` and `attachments`. */
export interface SeedContent {
  kind: MessageContent['kind'];
  body: string | null;
  content: MessageContent;
  attachments: Attachment[];
}

const PRICES: Record<SeedPerson['country']['code'], (rng: Random) => string> = {
  MX: (rng) => `$${rng.int(1, 9)},${rng.int(100, 999)} MXN`,
  AR: (rng) => `$${rng.int(12, 250)}.000`,
  BR: (rng) => `R$ ${rng.int(49, 899)},90`,
  CO: (rng) => `$${rng.int(49, 899)}.900`,
  CL: (rng) => `$${rng.int(9, 199)}.990`,
  US: (rng) => `$${rng.int(19, 299)}.99`,
  ES: (rng) => `${rng.int(9, 199)},95 €`,
};

/** Fills a phrase with this customer's city, a product, an order number and a local price. */
function say(rng: Random, phrase: string, person: SeedPerson, book: SeedPhrasebook): string {
  return fillPhrase(phrase, {
    city: person.city,
    name: person.givenName,
    product: rng.pick(book.products),
    order: `#${rng.int(10_000, 99_999)}`,
    price: PRICES[person.country.code](rng),
  });
}

/** A file still at Meta: no media row yet, so no id and no download URL. */
function file(rng: Random, mimeType: string, fileName: string | null, caption: string | null): Attachment {
  return { mediaId: null, mimeType, fileName, size: rng.int(8_000, 2_500_000), caption, url: null };
}

function captionOf(rng: Random, book: SeedPhrasebook): string | null {
  const caption = rng.chance(0.4) ? rng.pick(book.captions) : '';
  return caption === '' ? null : caption;
}

type InboundKind = 'text' | 'image' | 'audio' | 'document' | 'location' | 'sticker';

const INBOUND_KINDS: Record<ChannelType, readonly (readonly [InboundKind, number])[]> = {
  whatsapp: [
    ['text', 84],
    ['image', 6],
    ['audio', 4],
    ['document', 2],
    ['location', 2],
    ['sticker', 2],
  ],
  messenger: [
    ['text', 86],
    ['image', 7],
    ['audio', 3],
    ['document', 2],
    ['sticker', 2],
  ],
  instagram: [
    ['text', 88],
    ['image', 8],
    ['audio', 2],
    ['sticker', 2],
  ],
};

/** Something a customer sends: mostly text, some photos, voice notes, files, places and stickers. */
export function inboundContent(rng: Random, channelType: ChannelType, person: SeedPerson): SeedContent {
  const book = PHRASES[person.language];
  const kind = rng.weighted(INBOUND_KINDS[channelType]);
  switch (kind) {
    case 'text':
      return {
        kind,
        body: say(rng, rng.pick(book.customer), person, book),
        content: { kind },
        attachments: [],
      };
    case 'image': {
      const caption = captionOf(rng, book);
      return {
        kind,
        body: caption,
        content: { kind },
        attachments: [file(rng, 'image/jpeg', null, caption)],
      };
    }
    case 'audio':
      return {
        kind,
        body: null,
        content: { kind, voice: true },
        attachments: [file(rng, 'audio/ogg', null, null)],
      };
    case 'document': {
      const caption = captionOf(rng, book);
      return {
        kind,
        body: caption,
        content: { kind },
        attachments: [file(rng, 'application/pdf', rng.pick(DOCUMENT_NAMES), caption)],
      };
    }
    case 'location': {
      const place = rng.pick(PLACES);
      return { kind, body: place.name, content: { kind, ...place }, attachments: [] };
    }
    case 'sticker': {
      const animated = rng.chance(0.3);
      return {
        kind,
        body: null,
        content: { kind, animated },
        attachments: [file(rng, 'image/webp', null, null)],
      };
    }
  }
}

/** A member's reply: text, a photo or a file, and on WhatsApp sometimes an approved template. */
export function memberReplyContent(rng: Random, channelType: ChannelType, person: SeedPerson): SeedContent {
  const book = PHRASES[person.language];
  const roll = rng.next();
  if (roll < 0.03) {
    const caption = captionOf(rng, book);
    return {
      kind: 'image',
      body: caption,
      content: { kind: 'image' },
      attachments: [file(rng, 'image/jpeg', null, caption)],
    };
  }
  if (roll < 0.06) {
    return {
      kind: 'document',
      body: null,
      content: { kind: 'document' },
      attachments: [file(rng, 'application/pdf', rng.pick(DOCUMENT_NAMES), null)],
    };
  }
  if (roll < 0.09 && channelType === 'whatsapp') {
    const template = rng.pick(TEMPLATES);
    const order = `#${rng.int(10_000, 99_999)}`;
    return {
      kind: 'template',
      body: fillPhrase(template.text, { name: person.givenName, order }),
      content: {
        kind: 'template',
        name: template.name,
        language: template.language,
        parameters: [person.givenName, order],
        parameterNames: null,
        mediaHeader: null,
      },
      attachments: [],
    };
  }
  return {
    kind: 'text',
    body: say(rng, rng.pick(book.agent), person, book),
    content: { kind: 'text' },
    attachments: [],
  };
}

/** The chatbot's canned answer. */
export function botReplyContent(rng: Random, language: SeedLanguage): SeedContent {
  return { kind: 'text', body: rng.pick(PHRASES[language].bot), content: { kind: 'text' }, attachments: [] };
}

/** An internal note between members. */
export function noteContent(rng: Random, language: SeedLanguage): SeedContent {
  return {
    kind: 'note',
    body: rng.pick(PHRASES[language].notes),
    content: { kind: 'note' },
    attachments: [],
  };
}
