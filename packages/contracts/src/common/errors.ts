import { z } from 'zod';

/**
 * The one error catalog. Domain code throws these codes; the server maps them to HTTP in one
 * place; the web app shows `en` / `es` to people. A test checks that every code is documented
 * here with both languages and a 4xx/5xx status.
 */
export const ERROR_CATALOG = {
  VALIDATION_FAILED: {
    status: 400,
    en: 'Some fields are not valid.',
    es: 'Algunos campos no son válidos.',
  },
  UNAUTHENTICATED: {
    status: 401,
    en: 'Please sign in.',
    es: 'Inicia sesión.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    en: 'Wrong e-mail or password.',
    es: 'Correo o contraseña incorrectos.',
  },
  SESSION_EXPIRED: {
    status: 401,
    en: 'Your session has expired. Please sign in again.',
    es: 'Tu sesión ha caducado. Vuelve a iniciar sesión.',
  },
  API_KEY_INVALID: {
    status: 401,
    en: 'The API key is not valid or has been revoked.',
    es: 'La clave de API no es válida o fue revocada.',
  },
  MEMBER_DEACTIVATED: {
    status: 401,
    en: 'This account has been deactivated.',
    es: 'Esta cuenta fue desactivada.',
  },
  FORBIDDEN: {
    status: 403,
    en: 'You are not allowed to do this.',
    es: 'No tienes permiso para hacer esto.',
  },
  CSRF_TOKEN_INVALID: {
    status: 403,
    en: 'The request could not be verified. Reload the page and try again.',
    es: 'No se pudo verificar la solicitud. Recarga la página e inténtalo de nuevo.',
  },
  ORIGIN_NOT_ALLOWED: {
    status: 403,
    en: 'Requests from this origin are not allowed.',
    es: 'No se permiten solicitudes desde este origen.',
  },
  NOT_FOUND: {
    status: 404,
    en: 'Not found.',
    es: 'No encontrado.',
  },
  MEMBER_NOT_FOUND: {
    status: 404,
    en: 'That member does not exist.',
    es: 'Ese miembro no existe.',
  },
  API_KEY_NOT_FOUND: {
    status: 404,
    en: 'That API key does not exist.',
    es: 'Esa clave de API no existe.',
  },
  WORKSPACE_NOT_FOUND: {
    status: 404,
    en: 'That workspace does not exist.',
    es: 'Ese espacio de trabajo no existe.',
  },
  CONVERSATION_NOT_FOUND: {
    status: 404,
    en: 'That conversation does not exist or you cannot see it.',
    es: 'Esa conversación no existe o no puedes verla.',
  },
  MESSAGE_NOT_FOUND: {
    status: 404,
    en: 'That message does not exist.',
    es: 'Ese mensaje no existe.',
  },
  CUSTOMER_NOT_FOUND: {
    status: 404,
    en: 'That customer does not exist.',
    es: 'Ese cliente no existe.',
  },
  CHANNEL_NOT_FOUND: {
    status: 404,
    en: 'That channel does not exist.',
    es: 'Ese canal no existe.',
  },
  CUSTOMER_PHONE_TAKEN: {
    status: 409,
    en: 'Another customer already has this phone number.',
    es: 'Otro cliente ya tiene este número de teléfono.',
  },
  CUSTOMER_PHONE_READ_ONLY: {
    status: 409,
    en: 'This phone number is the customer’s WhatsApp number and cannot be changed.',
    es: 'Este número es el WhatsApp del cliente y no se puede cambiar.',
  },
  TAG_NOT_FOUND: {
    status: 404,
    en: 'That tag does not exist.',
    es: 'Esa etiqueta no existe.',
  },
  TAG_NAME_TAKEN: {
    status: 409,
    en: 'A tag with this name already exists.',
    es: 'Ya existe una etiqueta con este nombre.',
  },
  NOTE_NOT_FOUND: {
    status: 404,
    en: 'That note does not exist.',
    es: 'Esa nota no existe.',
  },
  CUSTOM_FIELD_NOT_FOUND: {
    status: 404,
    en: 'That custom field does not exist.',
    es: 'Ese campo personalizado no existe.',
  },
  CUSTOM_FIELD_NAME_TAKEN: {
    status: 409,
    en: 'A custom field with this name already exists.',
    es: 'Ya existe un campo personalizado con este nombre.',
  },
  QUICK_REPLY_NOT_FOUND: {
    status: 404,
    en: 'That quick reply does not exist.',
    es: 'Esa respuesta rápida no existe.',
  },
  QUICK_REPLY_SHORTCUT_TAKEN: {
    status: 409,
    en: 'You already have a quick reply with this shortcut.',
    es: 'Ya tienes una respuesta rápida con este atajo.',
  },
  ASSIGNMENT_CONFLICT: {
    status: 409,
    en: 'Someone else changed the assignment first. Reload to see who owns this customer now.',
    es: 'Otra persona cambió la asignación primero. Recarga para ver quién atiende ahora a este cliente.',
  },
  STATUS_MOVE_NOT_ALLOWED: {
    status: 409,
    en: 'A conversation cannot be moved to that status by hand.',
    es: 'Una conversación no se puede mover a ese estado manualmente.',
  },
  SUPERVISOR_CANNOT_SEND: {
    status: 403,
    en: 'Supervisors can read chats and add notes, but cannot send messages.',
    es: 'Los supervisores pueden leer los chats y agregar notas, pero no enviar mensajes.',
  },
  CUSTOMER_BLOCKED: {
    status: 409,
    en: 'This customer is blocked. Unblock them to send messages.',
    es: 'Este cliente está bloqueado. Desbloquéalo para enviarle mensajes.',
  },
  INVALID_CURSOR: {
    status: 400,
    en: 'The page cursor is not valid. Start again from the first page.',
    es: 'El cursor de página no es válido. Vuelve a empezar desde la primera página.',
  },
  CHANNEL_ALREADY_CONNECTED: {
    status: 409,
    en: 'This number, Page or account is already connected.',
    es: 'Este número, página o cuenta ya está conectado.',
  },
  WINDOW_CLOSED: {
    status: 409,
    en: 'The 24-hour window is closed: the customer has not written in the last 24 hours. Send an approved template instead.',
    es: 'La ventana de 24 horas está cerrada: el cliente no escribió en las últimas 24 horas. Envía una plantilla aprobada.',
  },
  HUMAN_AGENT_WINDOW_CLOSED: {
    status: 409,
    en: 'More than 7 days have passed since the customer last wrote, so Meta does not allow replying until they write again.',
    es: 'Pasaron más de 7 días desde el último mensaje del cliente, así que Meta no permite responder hasta que vuelva a escribir.',
  },
  TEMPLATES_ONLY_ON_WHATSAPP: {
    status: 400,
    en: 'Message templates can only be sent on WhatsApp.',
    es: 'Las plantillas de mensaje solo se pueden enviar por WhatsApp.',
  },
  MEDIA_NOT_FOUND: {
    status: 404,
    en: 'That file does not exist.',
    es: 'Ese archivo no existe.',
  },
  MEDIA_NOT_ALLOWED: {
    status: 400,
    en: 'This file cannot be sent on this channel.',
    es: 'Este archivo no se puede enviar por este canal.',
  },
  TEMPLATE_NOT_FOUND: {
    status: 404,
    en: 'That template does not exist in that language on this number. Sync the templates and try again.',
    es: 'Esa plantilla no existe en ese idioma para este número. Sincroniza las plantillas e inténtalo de nuevo.',
  },
  TEMPLATE_NOT_APPROVED: {
    status: 409,
    en: 'Only templates approved by Meta can be sent.',
    es: 'Solo se pueden enviar plantillas aprobadas por Meta.',
  },
  SETUP_ALREADY_DONE: {
    status: 409,
    en: 'Charla is already set up. Sign in instead.',
    es: 'Charla ya está configurado. Inicia sesión.',
  },
  EMAIL_TAKEN: {
    status: 409,
    en: 'A member with this e-mail already exists.',
    es: 'Ya existe un miembro con este correo.',
  },
  LAST_ADMIN: {
    status: 409,
    en: 'The workspace needs at least one active admin.',
    es: 'El espacio de trabajo necesita al menos un administrador activo.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    en: 'The request is too large.',
    es: 'La solicitud es demasiado grande.',
  },
  RATE_LIMITED: {
    status: 429,
    en: 'Too many attempts. Wait a minute and try again.',
    es: 'Demasiados intentos. Espera un minuto e inténtalo de nuevo.',
  },
  FUNNEL_NOT_FOUND: {
    status: 404,
    en: 'This funnel does not exist.',
    es: 'Este embudo no existe.',
  },
  FUNNEL_HAS_DEALS: {
    status: 409,
    en: 'Move or delete the deals in this funnel or stage first.',
    es: 'Primero mueve o elimina los negocios de este embudo o etapa.',
  },
  DEAL_NOT_FOUND: {
    status: 404,
    en: 'This deal does not exist or is not yours.',
    es: 'Este negocio no existe o no es tuyo.',
  },
  ORDER_NOT_FOUND: {
    status: 404,
    en: 'This order does not exist.',
    es: 'Este pedido no existe.',
  },
  ORDER_IMPORT_INVALID: {
    status: 400,
    en: 'The file has lines that cannot be imported; nothing was imported.',
    es: 'El archivo tiene líneas que no se pueden importar; no se importó nada.',
  },
  ORDER_IMPORT_NOT_FOUND: {
    status: 404,
    en: 'This import does not exist.',
    es: 'Esta importación no existe.',
  },
  REMINDER_NOT_FOUND: {
    status: 404,
    en: 'This reminder does not exist.',
    es: 'Este recordatorio no existe.',
  },
  REMINDER_NOT_SCHEDULED: {
    status: 409,
    en: 'This reminder has already run or was cancelled.',
    es: 'Este recordatorio ya se ejecutó o fue cancelado.',
  },
  INTERNAL: {
    status: 500,
    en: 'Something went wrong on our side.',
    es: 'Algo salió mal de nuestro lado.',
  },
  NOT_READY: {
    status: 503,
    en: 'The service is starting or its database is unreachable.',
    es: 'El servicio está iniciando o su base de datos no responde.',
  },
} as const satisfies Record<string, { status: number; en: string; es: string }>;

/** Every error code the API can answer with. */
export type ErrorCode = keyof typeof ERROR_CATALOG;

export const errorCodeSchema = z.enum(Object.keys(ERROR_CATALOG) as [ErrorCode, ...ErrorCode[]]);

/** One field that failed validation: a dotted path (`body.email`) and what is wrong with it. */
export const fieldErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** The body of every error response. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
