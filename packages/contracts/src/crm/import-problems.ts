/**
 * Why a line of a CSV import (customers or orders) cannot be imported, in English and Spanish.
 * The server names each problem by code with its details (`params`) and words it in the
 * caller's language (`Accept-Language`), so an admin reads "Línea 3, phone: …" in Spanish. Each
 * text is a sentence that follows "Line 3, phone:"; `{{name}}` is filled from `params`. A test
 * checks both languages fill the same placeholders. No zod here: the browser may import it.
 */
export const IMPORT_PROBLEM_CATALOG = {
  quote_not_closed: {
    en: 'A quoted value is never closed; check the quotes from this line on.',
    es: 'Un valor entre comillas nunca se cierra; revisa las comillas desde esta línea.',
  },
  file_empty: {
    en: 'The file is empty.',
    es: 'El archivo está vacío.',
  },
  no_customers: {
    en: 'The file has no customers below its header.',
    es: 'El archivo no tiene clientes debajo del encabezado.',
  },
  no_orders: {
    en: 'The file has no orders below its header.',
    es: 'El archivo no tiene pedidos debajo del encabezado.',
  },
  too_many_lines: {
    en: 'The file has more than {{max}} lines; split it into smaller files.',
    es: 'El archivo tiene más de {{max}} líneas; divídelo en archivos más pequeños.',
  },
  more_problems: {
    en: 'Problems not listed here: {{count}}.',
    es: 'Problemas que no se muestran aquí: {{count}}.',
  },
  unknown_column: {
    en: 'This column is neither a customer detail nor a custom field; rename or remove it.',
    es: 'Esta columna no es un dato del cliente ni un campo personalizado; cámbiale el nombre o quítala.',
  },
  contact_column_missing: {
    en: 'The file needs a phone or an email column.',
    es: 'El archivo necesita una columna phone o email.',
  },
  required_column: {
    en: 'The file needs this column.',
    es: 'El archivo necesita esta columna.',
  },
  customer_contact_missing: {
    en: 'Give a phone or an email so the customer can be recognised.',
    es: 'Indica un teléfono (phone) o un correo (email) para reconocer al cliente.',
  },
  order_contact_missing: {
    en: 'Give a customer_phone or a customer_email to know whose order it is.',
    es: 'Indica customer_phone o customer_email para saber de quién es el pedido.',
  },
  value_empty: {
    en: 'This value must not be empty.',
    es: 'Este valor no puede estar vacío.',
  },
  too_long: {
    en: 'Use at most {{max}} characters.',
    es: 'Usa como máximo {{max}} caracteres.',
  },
  phone_empty: {
    en: 'Write a phone number.',
    es: 'Escribe un número de teléfono.',
  },
  phone_characters: {
    en: 'A phone number may contain only digits, spaces, +, -, dots and brackets.',
    es: 'Un teléfono solo puede tener dígitos, espacios, +, -, puntos y paréntesis.',
  },
  phone_length: {
    en: 'A phone number has {{min}} to {{max}} digits, counting the country code.',
    es: 'Un teléfono tiene de {{min}} a {{max}} dígitos, contando el código de país.',
  },
  phone_country_code: {
    en: 'Start the phone number with its country code (like +52), not with 0.',
    es: 'Empieza el teléfono con su código de país (como +52), no con 0.',
  },
  email_invalid: {
    en: 'This is not a valid e-mail address.',
    es: 'No es una dirección de correo válida.',
  },
  tag_too_long: {
    en: 'The tag “{{tag}}” is longer than {{max}} characters.',
    es: 'La etiqueta «{{tag}}» tiene más de {{max}} caracteres.',
  },
  field_text: {
    en: 'Write at most {{max}} characters.',
    es: 'Escribe como máximo {{max}} caracteres.',
  },
  field_integer: {
    en: 'Write a whole number, like 42.',
    es: 'Escribe un número entero, como 42.',
  },
  field_decimal: {
    en: 'Write a number, like 12.5.',
    es: 'Escribe un número, como 12.5.',
  },
  field_boolean: {
    en: 'Write true or false.',
    es: 'Escribe true (sí) o false (no).',
  },
  field_date: {
    en: 'Write a date as YYYY-MM-DD, like 2026-03-31.',
    es: 'Escribe una fecha como AAAA-MM-DD, por ejemplo 2026-03-31.',
  },
  field_list: {
    en: 'Use one of the field’s options: {{options}}.',
    es: 'Usa una de las opciones del campo: {{options}}.',
  },
  currency_invalid: {
    en: 'Write a three-letter ISO 4217 currency code, like MXN or USD.',
    es: 'Escribe un código de moneda ISO 4217 de tres letras, como MXN o USD.',
  },
  status_invalid: {
    en: 'Use one of these statuses: {{options}}.',
    es: 'Usa uno de estos estados: {{options}}.',
  },
  quantity_invalid: {
    en: 'Write a whole number from {{min}} to {{max}}.',
    es: 'Escribe un número entero de {{min}} a {{max}}.',
  },
  unit_price_invalid: {
    en: 'Write a price like 12.50, with no more decimals than {{currency}} uses.',
    es: 'Escribe un precio como 12.50, sin más decimales de los que usa {{currency}}.',
  },
  differs_from_line: {
    en: 'Lines of one order must agree, and this differs from line {{line}}.',
    es: 'Las líneas de un mismo pedido deben coincidir, y esta difiere de la línea {{line}}.',
  },
  order_total_too_large: {
    en: 'The order’s total is too large to store.',
    es: 'El total del pedido es demasiado grande para guardarlo.',
  },
  import_stopped: {
    en: 'The import stopped on an error on our side and stored nothing. Import the file again.',
    es: 'La importación se detuvo por un error de nuestro lado y no guardó nada. Vuelve a importar el archivo.',
  },
} as const satisfies Record<string, { en: string; es: string }>;

export type ImportProblemCode = keyof typeof IMPORT_PROBLEM_CATALOG;
export type ImportProblemParams = Record<string, string | number>;

/** One problem of an import: 1-based line of the file (the header is line 1; 0 is the whole file) and column. */
export interface ImportProblem {
  line: number;
  column: string | null;
  code: ImportProblemCode;
  params: ImportProblemParams;
}

/** The problem's sentence in a language; numbers are written the way that language writes them. */
export function importProblemText(
  problem: Pick<ImportProblem, 'code' | 'params'>,
  language: 'en' | 'es',
): string {
  const numbers = new Intl.NumberFormat(language);
  return IMPORT_PROBLEM_CATALOG[problem.code][language].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = problem.params[name];
    if (value === undefined) return `{{${name}}}`;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}
