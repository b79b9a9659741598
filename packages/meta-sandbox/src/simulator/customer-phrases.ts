import type { Locale } from './customer-personas.ts';

/** What simulated customers write, per language: realistic, with accents and emoji. */
export const PHRASES: Record<Locale, readonly string[]> = {
  es: [
    '¿Cómo estás? 😀',
    'Hola, ¿tienen envío a Medellín?',
    'Buenas tardes, quisiera saber el estado de mi pedido #4821',
    '¿Cuánto cuesta la talla M en azul?',
    'Gracias, muy amable 🙏',
    'Mi pedido llegó dañado 😕 ¿Qué hago?',
    '¿Aceptan pago con Mercado Pago?',
    'Necesito cambiar la dirección de entrega: Av. Corrientes 1234, CABA',
    '¿A qué hora abren el sábado?',
    'Hola! Vi su publicación en Instagram, ¿todavía está disponible?',
    '¿Hacen factura? Necesito que salga a nombre de mi empresa.',
    'Perfecto, quedo atenta 👍',
    'No me llegó el código de seguimiento 🤔',
    '¿Tienen tienda física en Guadalajara?',
    'Quiero devolver un producto, ¿cuál es el procedimiento?',
    'Muchísimas gracias por la ayuda, ¡excelente atención! ⭐⭐⭐⭐⭐',
    '¿El envío es gratis a partir de cuánto?',
    'Buen día, ¿me pueden llamar? Mi número es el mismo de este WhatsApp.',
    'Ya realicé la transferencia, adjunto comprobante.',
    '¿Cuándo vuelven a tener stock del modelo Ñandú?',
  ],
  en: [
    'Hi! Is this still available?',
    "Where is my order? It's been 5 days 😟",
    'Can I pay on delivery?',
    'Thanks a lot! 🙌',
    'Do you ship to Miami?',
    'What sizes do you have in the blue one?',
    'I need to change my shipping address please',
    'The package arrived but one item is missing',
    'Are you open on Sunday?',
    'Can I get a refund? The color is not what I expected.',
    'Perfect, thank you!',
    "I didn't get a tracking number 🤔",
  ],
};

/** Captions for photos and videos. */
export const CAPTIONS: Record<Locale, readonly string[]> = {
  es: [
    'Así llegó la caja 📦',
    'Este es el modelo que quiero',
    'Foto del comprobante',
    '¿Tienen este en rojo?',
  ],
  en: ['This is how it arrived 📦', 'This is the one I want', 'Receipt attached', 'Do you have this in red?'],
};

/** File names of documents customers send. */
export const DOCUMENT_NAMES: readonly string[] = [
  'comprobante_pago.pdf',
  'factura-0042.pdf',
  'orden_de_compra_3391.pdf',
  'receipt-7731.pdf',
];

/** Places customers share, with real coordinates. */
export const PLACES: readonly { latitude: number; longitude: number; name: string; address: string }[] = [
  {
    latitude: 19.4326,
    longitude: -99.1332,
    name: 'Zócalo',
    address: 'Plaza de la Constitución, Centro, CDMX',
  },
  {
    latitude: -34.6037,
    longitude: -58.3816,
    name: 'Obelisco',
    address: 'Av. 9 de Julio s/n, C1043 CABA, Argentina',
  },
  {
    latitude: 4.5981,
    longitude: -74.0758,
    name: 'Plaza de Bolívar',
    address: 'Cra. 7 #11-10, Bogotá, Colombia',
  },
  {
    latitude: -33.4372,
    longitude: -70.6506,
    name: 'Plaza de Armas',
    address: 'Santiago, Región Metropolitana, Chile',
  },
  {
    latitude: -12.0464,
    longitude: -77.0428,
    name: 'Plaza Mayor',
    address: 'Jr. de la Unión, Cercado de Lima, Perú',
  },
  {
    latitude: 25.7617,
    longitude: -80.1918,
    name: 'Bayside Marketplace',
    address: '401 Biscayne Blvd, Miami, FL 33132',
  },
];

/** Public comments on posts. */
export const COMMENTS: Record<Locale, readonly string[]> = {
  es: [
    '¿Precio? 🙏',
    'Info por DM porfa',
    '¡Me encanta! 😍',
    '¿Hacen envíos a Chile?',
    '¿Qué tallas tienen?',
  ],
  en: ['Price? 🙏', 'DM me please', 'Love this! 😍', 'Do you ship to Canada?', 'What sizes?'],
};

/** Emoji customers react with. */
export const REACTION_EMOJI: readonly string[] = ['👍', '❤️', '😂', '😮', '🙏', '😢'];
