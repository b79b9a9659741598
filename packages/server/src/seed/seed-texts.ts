import type { SeedLanguage } from './seed-names.ts';

/**
 * What customers and agents write, per language. `{city}`, `{product}`, `{order}`, `{price}`
 * and `{name}` are filled in per message so texts repeat less and search has real words to
 * find.
 */
export interface SeedPhrasebook {
  customer: readonly string[];
  agent: readonly string[];
  bot: readonly string[];
  notes: readonly string[];
  captions: readonly string[];
  products: readonly string[];
}

/** Phrasebooks per language. */
export const PHRASES: Record<SeedLanguage, SeedPhrasebook> = {
  es: {
    customer: [
      'Hola, ¿tienen envíos a {city}?',
      'Buenas tardes, quisiera saber el precio de {product}',
      '¿Cuánto tarda en llegar el pedido {order}?',
      'Ya hice la transferencia, ¿me confirman?',
      'Gracias!! 🙏',
      'ok',
      'Sí, por favor',
      '¿Aceptan pago contra entrega?',
      'Me llegó el {product} pero viene dañado 😞',
      '¿Tienen {product} en color azul?',
      'Necesito factura a nombre de mi empresa',
      'Disculpe, ¿siguen abiertos?',
      '¿Dónde está su tienda en {city}?',
      'Perfecto, muchas gracias por la atención',
      'No me ha llegado el código de seguimiento',
      'Quiero cambiar la dirección de envío del pedido {order}',
      '¿Hacen descuento por mayoreo? Necesito 20 piezas de {product}',
      'Buen día ☀️ ¿tienen disponibilidad para mañana?',
      'El precio de {price} incluye envío?',
      'Ya les mandé mi comprobante',
      'Me pueden llamar por favor?',
      '¿Cuál es el horario de atención?',
      'jaja sí, ese mismo',
      'Excelente servicio, los recomiendo 👏',
      'Quiero devolver el {product}, no es la talla correcta',
    ],
    agent: [
      '¡Hola {name}! Claro que sí, enviamos a {city} en 2 a 3 días hábiles.',
      'El {product} tiene un precio de {price}. ¿Te lo aparto?',
      'Tu pedido {order} ya salió, te comparto la guía en un momento.',
      'Recibimos tu pago, muchas gracias 🙌',
      'Con gusto, ¿me confirmas tu dirección completa con código postal?',
      'Lamento mucho lo ocurrido, lo cambiamos sin costo.',
      'Sí, aceptamos pago contra entrega en {city}.',
      'Te paso el catálogo actualizado 📎',
      'Nuestro horario es de lunes a sábado de 9:00 a 19:00.',
      '¿Hay algo más en lo que te pueda ayudar?',
      'Listo, quedó registrado el cambio de dirección.',
      'Para mayoreo manejamos {price} por pieza a partir de 12.',
    ],
    bot: [
      '¡Hola! Soy el asistente virtual. Elige una opción: 1) Pedidos 2) Precios 3) Hablar con un asesor',
      'Gracias por escribirnos. Un asesor te atenderá en breve.',
      'Nuestro horario de atención es de 9:00 a 19:00 h.',
    ],
    notes: [
      'Cliente frecuente, ofrecer envío gratis',
      'Pendiente confirmar pago con contabilidad',
      'Ojo: ya se le hizo un reembolso el mes pasado',
      'Pidió factura, RFC en el hilo',
      'Escalar a supervisión si vuelve a escribir',
    ],
    captions: ['Así llegó el paquete', 'Este es el modelo', 'Comprobante de pago', 'Catálogo', ''],
    products: ['licuadora', 'tenis de running', 'mochila escolar', 'cafetera', 'chamarra', 'audífonos'],
  },
  pt: {
    customer: [
      'Olá, vocês entregam em {city}?',
      'Boa tarde, qual o preço do {product}?',
      'Quanto tempo demora o pedido {order}?',
      'Já fiz o Pix, podem confirmar?',
      'Obrigado!! 🙏',
      'ok',
      'Sim, por favor',
      'O {product} chegou com defeito 😞',
      'Vocês têm {product} na cor azul?',
      'Preciso de nota fiscal',
      'Qual é o horário de atendimento?',
      'Perfeito, muito obrigada pela atenção',
      'Não recebi o código de rastreio',
      'Quero trocar o endereço de entrega do pedido {order}',
      'O valor de {price} inclui o frete?',
    ],
    agent: [
      'Olá {name}! Sim, entregamos em {city} em 3 a 5 dias úteis.',
      'O {product} custa {price}. Posso reservar para você?',
      'Seu pedido {order} já foi enviado, segue o rastreio em instantes.',
      'Recebemos seu pagamento, obrigado 🙌',
      'Sinto muito pelo ocorrido, vamos trocar sem custo.',
      'Posso ajudar em mais alguma coisa?',
    ],
    bot: [
      'Olá! Sou o assistente virtual. Escolha: 1) Pedidos 2) Preços 3) Falar com atendente',
      'Obrigado pela mensagem. Um atendente vai responder em breve.',
    ],
    notes: ['Cliente do Brasil: confirmar frete internacional', 'Aguardando comprovante do Pix'],
    captions: ['Olha como chegou', 'Comprovante', 'Esse modelo', ''],
    products: ['liquidificador', 'tênis de corrida', 'mochila', 'cafeteira', 'jaqueta', 'fone de ouvido'],
  },
  en: {
    customer: [
      'Hi, do you ship to {city}?',
      'How much is the {product}?',
      'When will order {order} arrive?',
      'I already paid, can you confirm?',
      'Thanks!! 🙏',
      'ok',
      'Yes please',
      'My {product} arrived damaged 😞',
      'Do you have the {product} in blue?',
      'What are your opening hours?',
      'I never got a tracking number',
      'Does {price} include shipping?',
    ],
    agent: [
      'Hi {name}! Yes, we ship to {city} within 3-5 business days.',
      'The {product} is {price}. Shall I reserve one for you?',
      'Your order {order} has shipped, tracking number coming right up.',
      'Payment received, thank you 🙌',
      "I'm so sorry about that, we'll replace it at no cost.",
      'Anything else I can help you with?',
    ],
    bot: [
      "Hi! I'm the virtual assistant. Choose: 1) Orders 2) Prices 3) Talk to a person",
      'Thanks for your message. Someone will be with you shortly.',
    ],
    notes: ['Customer in the US: check customs fees', 'Asked for a refund, waiting for approval'],
    captions: ['This is how it arrived', 'Receipt', 'This one', ''],
    products: ['blender', 'running shoes', 'backpack', 'coffee maker', 'jacket', 'headphones'],
  },
};

/** Places customers share with a location message. */
export const PLACES: readonly { name: string; address: string; latitude: number; longitude: number }[] = [
  {
    name: 'Oficina Centro',
    address: 'Av. Juárez 123, Centro, Querétaro',
    latitude: 20.5931,
    longitude: -100.392,
  },
  { name: 'Casa', address: 'Calle Ñandú 45, Coyoacán, CDMX', latitude: 19.3467, longitude: -99.1617 },
  { name: 'Trabalho', address: 'Av. Paulista 1578, São Paulo', latitude: -23.5614, longitude: -46.6559 },
  { name: 'Depto', address: 'Av. Corrientes 1234, Buenos Aires', latitude: -34.6037, longitude: -58.3816 },
  { name: 'Bodega', address: 'Carrera 43A #1-50, Medellín', latitude: 6.2088, longitude: -75.5718 },
  { name: 'Home', address: '1200 Brickell Ave, Miami, FL', latitude: 25.7617, longitude: -80.1918 },
];

/** Document file names customers and agents exchange. */
export const DOCUMENT_NAMES = [
  'cotizacion-2026.pdf',
  'factura-A-10234.pdf',
  'comprovante-pix.pdf',
  'catalogo-primavera.pdf',
  'guia-de-envio.pdf',
  'invoice-8831.pdf',
];

/** Approved WhatsApp templates used for follow-ups outside the 24-hour window. */
export const TEMPLATES: readonly { name: string; language: string; text: string }[] = [
  { name: 'seguimiento_pedido', language: 'es_MX', text: 'Hola {name}, tu pedido {order} está en camino 🚚' },
  {
    name: 'recordatorio_pago',
    language: 'es_MX',
    text: 'Hola {name}, te recordamos que tu pago está pendiente.',
  },
  { name: 'order_update', language: 'en_US', text: 'Hi {name}, your order {order} is on its way 🚚' },
];

/** Why an outbound message failed, as Meta reports it. */
export const SEND_ERRORS: readonly { code: string; detail: string }[] = [
  {
    code: '131047',
    detail: 'Re-engagement message: more than 24 hours have passed since the customer last replied',
  },
  { code: '131026', detail: 'Message undeliverable' },
  { code: '131049', detail: 'Meta chose not to deliver this message to keep engagement healthy' },
];

/** Fills the `{…}` placeholders of a phrase. */
export function fillPhrase(phrase: string, values: Record<string, string>): string {
  return phrase.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
