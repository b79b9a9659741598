import { type ImportProblem, importProblemText } from '@charla/contracts';
import { describe, expect, it } from 'vitest';
import type { CustomFieldRow } from '../custom-fields/custom-fields.repo.ts';
import { readCustomersCsv } from './customer-import-file.ts';

function field(name: string, type: CustomFieldRow['type'], options: string[] = []) {
  const row = {
    id: `field-${name}`,
    workspace_id: 'workspace',
    name,
    name_key: name.toLowerCase(),
    type,
    options: JSON.stringify(options),
    created_at: 0,
    updated_at: 0,
  };
  return row;
}

const FIELDS: CustomFieldRow[] = [
  field('Nivel', 'list', ['Oro', 'Plata']),
  field('Pedidos', 'integer'),
  field('Saldo', 'decimal'),
  field('Activo', 'boolean'),
  field('Cumpleaños', 'date'),
  field('Nota', 'text'),
];

/** Each problem as an admin reads it: "line 3, phone: …" in English and Spanish. */
function problemsOf(csv: string) {
  const read = readCustomersCsv(csv, FIELDS);
  const problems: ImportProblem[] = 'errors' in read ? read.errors : [];
  return problems.map((problem) => ({
    place: `${problem.line}${problem.column ? ` ${problem.column}` : ''}`,
    en: importProblemText(problem, 'en'),
    es: importProblemText(problem, 'es'),
  }));
}

describe('reading a customers CSV', () => {
  it('names every bad value with its line and column, in English and Spanish', () => {
    const csv = [
      'first_name,phone,email,tags,Nivel,Pedidos,Saldo,Activo,Cumpleaños,Nota',
      `Ana,+52 55 (12) abc,ana@,${'x'.repeat(41)},Bronce,2.5,doce,sí,2026-02-30,${'y'.repeat(1001)}`,
      'Beto,055 1234 5678,,,,,,,,',
      'Caro,+52 55 12,,,,,,,,',
      'Sin contacto,,,,,,,,,',
    ].join('\n');
    expect(problemsOf(csv)).toEqual([
      {
        place: '2 phone',
        en: 'A phone number may contain only digits, spaces, +, -, dots and brackets.',
        es: 'Un teléfono solo puede tener dígitos, espacios, +, -, puntos y paréntesis.',
      },
      {
        place: '2 email',
        en: 'This is not a valid e-mail address.',
        es: 'No es una dirección de correo válida.',
      },
      {
        place: '2 tags',
        en: `The tag “${'x'.repeat(41)}” is longer than 40 characters.`,
        es: `La etiqueta «${'x'.repeat(41)}» tiene más de 40 caracteres.`,
      },
      {
        place: '2 Nivel',
        en: 'Use one of the field’s options: Oro, Plata.',
        es: 'Usa una de las opciones del campo: Oro, Plata.',
      },
      { place: '2 Pedidos', en: 'Write a whole number, like 42.', es: 'Escribe un número entero, como 42.' },
      { place: '2 Saldo', en: 'Write a number, like 12.5.', es: 'Escribe un número, como 12.5.' },
      { place: '2 Activo', en: 'Write true or false.', es: 'Escribe true (sí) o false (no).' },
      {
        place: '2 Cumpleaños',
        en: 'Write a date as YYYY-MM-DD, like 2026-03-31.',
        es: 'Escribe una fecha como AAAA-MM-DD, por ejemplo 2026-03-31.',
      },
      { place: '2 Nota', en: 'Write at most 1,000 characters.', es: 'Escribe como máximo 1000 caracteres.' },
      {
        place: '3 phone',
        en: 'Start the phone number with its country code (like +52), not with 0.',
        es: 'Empieza el teléfono con su código de país (como +52), no con 0.',
      },
      {
        place: '4 phone',
        en: 'A phone number has 8 to 15 digits, counting the country code.',
        es: 'Un teléfono tiene de 8 a 15 dígitos, contando el código de país.',
      },
      {
        place: '5 phone',
        en: 'Give a phone or an email so the customer can be recognised.',
        es: 'Indica un teléfono (phone) o un correo (email) para reconocer al cliente.',
      },
    ]);
  });

  it('names problems of the file as a whole: unknown columns, no contact column, no lines, too many, open quotes', () => {
    expect(problemsOf('first_name,Color\nAna,rojo\n')).toEqual([
      {
        place: '1 Color',
        en: 'This column is neither a customer detail nor a custom field; rename or remove it.',
        es: 'Esta columna no es un dato del cliente ni un campo personalizado; cámbiale el nombre o quítala.',
      },
      {
        place: '1 phone',
        en: 'The file needs a phone or an email column.',
        es: 'El archivo necesita una columna phone o email.',
      },
    ]);
    expect(problemsOf('')).toEqual([{ place: '1', en: 'The file is empty.', es: 'El archivo está vacío.' }]);
    expect(problemsOf('phone\n')).toEqual([
      {
        place: '2',
        en: 'The file has no customers below its header.',
        es: 'El archivo no tiene clientes debajo del encabezado.',
      },
    ]);
    expect(problemsOf(`phone\n${'+52 55 1234 5678\n'.repeat(20_001)}`)).toEqual([
      {
        place: '1',
        en: 'The file has more than 20,000 lines; split it into smaller files.',
        es: 'El archivo tiene más de 20.000 líneas; divídelo en archivos más pequeños.',
      },
    ]);
    expect(problemsOf('phone,first_name\n+52 55 1234 5678,"Ana\n')).toEqual([
      {
        place: '2',
        en: 'A quoted value is never closed; check the quotes from this line on.',
        es: 'Un valor entre comillas nunca se cierra; revisa las comillas desde esta línea.',
      },
    ]);
  });
});
