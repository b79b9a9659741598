import { GraphError } from '../graph/graph-error.ts';
import type { PricingCategory } from './whatsapp-status.builder.ts';

type Button =
  | { type: 'QUICK_REPLY'; text: string }
  | { type: 'URL'; text: string; url: string; example?: string[] }
  | { type: 'PHONE_NUMBER'; text: string; phone_number: string }
  | { type: 'COPY_CODE'; example: string }
  | { type: 'OTP'; otp_type: 'COPY_CODE'; text: string };

type Component =
  | { type: 'HEADER'; format: 'TEXT'; text: string }
  | { type: 'HEADER'; format: 'IMAGE' | 'VIDEO' | 'DOCUMENT'; example: { header_handle: string[] } }
  | { type: 'BODY'; text: string; example?: { body_text: string[][] } }
  | {
      type: 'BODY';
      text: string;
      example: { body_text_named_params: { param_name: string; example: string }[] };
    }
  | { type: 'FOOTER'; text: string }
  | { type: 'BUTTONS'; buttons: Button[] };

/** A message template as `GET /{waba-id}/message_templates` lists it. */
export interface MessageTemplate {
  id: string;
  name: string;
  language: string;
  status: 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED';
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  parameter_format: 'POSITIONAL' | 'NAMED';
  components: Component[];
}

const handle = (name: string) => ({
  header_handle: [`https://scontent.whatsapp.net/v/t61.29466-34/${name}`],
});

/** The demo WABA's templates: Spanish and English, body variables, media headers, one of each status. */
export const TEMPLATES: readonly MessageTemplate[] = [
  {
    id: '1192837465019283',
    name: 'hello_world',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
      {
        type: 'BODY',
        text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.',
      },
      { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
    ],
  },
  {
    id: '1204958673021945',
    name: 'order_update',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'IMAGE', example: handle('order.jpg') },
      {
        type: 'BODY',
        text: 'Hi {{1}}, your order {{2}} has shipped and should arrive on {{3}}. Track it below.',
        example: { body_text: [['Emily', '#4821', 'March 3']] },
      },
      { type: 'FOOTER', text: 'Charla Demo Store' },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: 'Track order',
            url: 'https://shop.example.com/track/{{1}}',
            example: ['4821'],
          },
          { type: 'QUICK_REPLY', text: 'Talk to an agent' },
        ],
      },
    ],
  },
  {
    id: '1210394857261034',
    name: 'actualizacion_pedido',
    language: 'es_MX',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'IMAGE', example: handle('pedido.jpg') },
      {
        type: 'BODY',
        text: 'Hola {{1}}, tu pedido {{2}} ya va en camino y llegará el {{3}}. Puedes seguirlo aquí.',
        example: { body_text: [['María José', '#4821', '3 de marzo']] },
      },
      { type: 'FOOTER', text: 'Tienda Demo Charla' },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: 'Seguir pedido',
            url: 'https://shop.example.com/rastreo/{{1}}',
            example: ['4821'],
          },
          { type: 'QUICK_REPLY', text: 'Hablar con un asesor' },
        ],
      },
    ],
  },
  {
    id: '1223948576102938',
    name: 'bienvenida',
    language: 'es',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      {
        type: 'BODY',
        text: '¡Hola {{1}}! 👋 Gracias por escribirnos. ¿En qué podemos ayudarte hoy?',
        example: { body_text: [['Sofía']] },
      },
    ],
  },
  {
    id: '1239485761029384',
    name: 'recordatorio_cita',
    language: 'es_AR',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'DOCUMENT', example: handle('comprobante.pdf') },
      {
        type: 'BODY',
        text: 'Hola {{1}}, te recordamos tu turno el {{2}} a las {{3}} en {{4}}. ¿Confirmás tu asistencia?',
        example: { body_text: [['Joaquín', 'jueves 12', '10:30', 'Av. Corrientes 1234']] },
      },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Confirmar' },
          { type: 'QUICK_REPLY', text: 'Reprogramar' },
        ],
      },
    ],
  },
  {
    id: '1248576019283746',
    name: 'promo_verano',
    language: 'es',
    status: 'APPROVED',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'VIDEO', example: handle('verano.mp4') },
      {
        type: 'BODY',
        text: '¡{{1}}, llegó el verano! ☀️ Usa el código {{2}} y obtén {{3}} de descuento en toda la tienda.',
        example: { body_text: [['Camila', 'VERANO25', '25 %']] },
      },
      { type: 'FOOTER', text: 'Responde STOP para no recibir promociones' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Ver ofertas' },
          { type: 'QUICK_REPLY', text: 'Dejar de recibir' },
          { type: 'COPY_CODE', example: 'VERANO25' },
        ],
      },
    ],
  },
  {
    id: '1257601928374650',
    name: 'summer_sale',
    language: 'en_US',
    status: 'APPROVED',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'IMAGE', example: handle('summer.jpg') },
      {
        type: 'BODY',
        text: '{{1}}, summer is here! ☀️ Use code {{2}} for {{3}} off everything.',
        example: { body_text: [['Olivia', 'SUMMER25', '25%']] },
      },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'See offers' },
          { type: 'QUICK_REPLY', text: 'Stop promotions' },
        ],
      },
    ],
  },
  {
    id: '1260192837465012',
    name: 'order_confirmation',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'NAMED',
    components: [
      {
        type: 'BODY',
        text: 'Thank you, {{first_name}}! Your order {{order_number}} is confirmed.',
        example: {
          body_text_named_params: [
            { param_name: 'first_name', example: 'James' },
            { param_name: 'order_number', example: '#4821' },
          ],
        },
      },
    ],
  },
  {
    id: '1271029384756102',
    name: 'codigo_verificacion',
    language: 'es',
    status: 'APPROVED',
    category: 'AUTHENTICATION',
    parameter_format: 'POSITIONAL',
    components: [
      {
        type: 'BODY',
        text: '*{{1}}* es tu código de verificación. Por tu seguridad, no lo compartas.',
        example: { body_text: [['482915']] },
      },
      { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copiar código' }] },
    ],
  },
  {
    id: '1283746501928374',
    name: 'encuesta_satisfaccion',
    language: 'es',
    status: 'PENDING',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [{ type: 'BODY', text: '¿Cómo calificarías tu experiencia con nosotros, {{1}}?' }],
  },
  {
    id: '1290384756102938',
    name: 'oferta_flash',
    language: 'es_MX',
    status: 'REJECTED',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [{ type: 'BODY', text: '¡Solo hoy! 70 % de descuento. ¡Compra YA!' }],
  },
];

interface TemplateSendParameter {
  type: string;
  parameter_name?: string;
}

interface TemplateSend {
  name: string;
  language: { code: string };
  components?: { type: string; parameters?: TemplateSendParameter[] }[];
}

function variablesOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([\w]+)\s*\}\}/g)].map((m) => m[1] ?? ''))];
}

/**
 * Checks a template send against the catalog as the Cloud API does: unknown or unapproved
 * template → 132001, paused → 132015, body parameter count or names wrong → 132000, media
 * header missing or of the wrong type → 132012. Returns the pricing category.
 */
export function checkTemplateSend(send: TemplateSend): PricingCategory {
  const template = TEMPLATES.find((t) => t.name === send.name && t.language === send.language.code);
  const notFound = `template name (${send.name}) does not exist in ${send.language.code}`;
  if (!template || template.status === 'PENDING' || template.status === 'REJECTED') {
    throw new GraphError(132001, { whatsapp: true, details: notFound });
  }
  if (template.status === 'PAUSED') {
    throw new GraphError(132001, { whatsapp: true, message: 'Template is paused', details: notFound });
  }
  const bodyParams = send.components?.find((c) => c.type === 'body')?.parameters ?? [];
  const bodyText = template.components.find((c) => c.type === 'BODY');
  const expected = bodyText && 'text' in bodyText ? variablesOf(bodyText.text) : [];
  if (bodyParams.length !== expected.length) {
    throw new GraphError(132000, {
      whatsapp: true,
      details: `body: number of localizable_params (${bodyParams.length}) does not match the expected number of params (${expected.length})`,
    });
  }
  if (template.parameter_format === 'NAMED') {
    const names = bodyParams.map((p) => p.parameter_name ?? '');
    const missing = expected.find((name) => !names.includes(name));
    if (missing) {
      throw new GraphError(132000, { whatsapp: true, details: `body: parameter_name ${missing} is missing` });
    }
  }
  const header = template.components.find((c) => c.type === 'HEADER');
  if (header && header.format !== 'TEXT') {
    const given = send.components?.find((c) => c.type === 'header')?.parameters?.[0]?.type;
    if (given !== header.format.toLowerCase()) {
      throw new GraphError(132012, {
        whatsapp: true,
        message: 'Parameter format does not match format in the created template',
        details: `header: Format mismatch, expected ${header.format}, received ${given?.toUpperCase() ?? 'UNKNOWN'}`,
      });
    }
  }
  switch (template.category) {
    case 'MARKETING':
      return 'marketing';
    case 'UTILITY':
      return 'utility';
    case 'AUTHENTICATION':
      return 'authentication';
  }
}
