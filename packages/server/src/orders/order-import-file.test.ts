import { type ImportProblem, importProblemText } from '@charla/contracts';
import { describe, expect, it } from 'vitest';
import { OrderLines, openOrdersFile } from './order-import-file.ts';

const HEADER = 'external_id,customer_phone,customer_email,currency,status,item_name,quantity,unit_price';

/** Each problem of a file as an admin reads it: "line 3, currency: …" in English and Spanish. */
function problemsOf(csv: string) {
  const opened = openOrdersFile(csv);
  let problems: ImportProblem[];
  if ('errors' in opened) problems = opened.errors;
  else {
    const lines = new OrderLines(opened.file.columns);
    for (const record of opened.file.lines) lines.check(record);
    problems = lines.problems;
  }
  return problems.map((problem) => ({
    place: `${problem.line}${problem.column ? ` ${problem.column}` : ''}`,
    en: importProblemText(problem, 'en'),
    es: importProblemText(problem, 'es'),
  }));
}

describe('reading an orders CSV', () => {
  it('groups the lines of one external id into one order with its total', () => {
    const opened = openOrdersFile(
      `${HEADER}\nA-1,+52 55 1234 5678,,MXN,paid,Playera,2,199.50\nA-1,+52 55 1234 5678,,MXN,paid,Gorra,1,150\nA-2,,ana@example.com,JPY,,Taza,3,400\n`,
    );
    if ('errors' in opened) throw new Error('the file should open');
    const lines = new OrderLines(opened.file.columns);
    const started = opened.file.lines.map((record) => lines.check(record)?.externalId ?? null);
    expect(started).toEqual(['A-1', null, 'A-2']);
    expect(lines.problems).toEqual([]);
    expect(lines.orders().map((order) => [order.externalId, order.status, order.total])).toEqual([
      ['A-1', 'paid', 2 * 19_950 + 15_000],
      ['A-2', 'pending', 3 * 400],
    ]);
  });

  it('names every bad value with its line and column, in English and Spanish', () => {
    const csv = [
      HEADER,
      `${'x'.repeat(101)},+52 55 1234 5678,,MXN,,Taza,1,10`,
      ',,ana@,pesos,bought,,0,10',
      'B-1,+52 55 1234 5678,,MXN,,Taza,1,12.345',
      'B-2,,,MXN,,Taza,1,10',
      'B-3,+52 55 1234 5678,,MXN,paid,Taza,1,10',
      'B-3,+52 55 1234 5678,,USD,paid,Gorra,1,10',
      'B-3,+52 55 1234 5678,,MXN,pending,Gorra,1,10',
    ].join('\n');
    expect(problemsOf(csv)).toEqual([
      { place: '2 external_id', en: 'Use at most 100 characters.', es: 'Usa como máximo 100 caracteres.' },
      { place: '3 external_id', en: 'This value must not be empty.', es: 'Este valor no puede estar vacío.' },
      {
        place: '3 customer_email',
        en: 'This is not a valid e-mail address.',
        es: 'No es una dirección de correo válida.',
      },
      {
        place: '3 currency',
        en: 'Write a three-letter ISO 4217 currency code, like MXN or USD.',
        es: 'Escribe un código de moneda ISO 4217 de tres letras, como MXN o USD.',
      },
      {
        place: '3 status',
        en: 'Use one of these statuses: pending, paid, cancelled.',
        es: 'Usa uno de estos estados: pending, paid, cancelled.',
      },
      { place: '3 item_name', en: 'This value must not be empty.', es: 'Este valor no puede estar vacío.' },
      {
        place: '3 quantity',
        en: 'Write a whole number from 1 to 1,000,000.',
        es: 'Escribe un número entero de 1 a 1.000.000.',
      },
      {
        place: '4 unit_price',
        en: 'Write a price like 12.50, with no more decimals than MXN uses.',
        es: 'Escribe un precio como 12.50, sin más decimales de los que usa MXN.',
      },
      {
        place: '5 customer_phone',
        en: 'Give a customer_phone or a customer_email to know whose order it is.',
        es: 'Indica customer_phone o customer_email para saber de quién es el pedido.',
      },
      {
        place: '7 currency',
        en: 'Lines of one order must agree, and this differs from line 6.',
        es: 'Las líneas de un mismo pedido deben coincidir, y esta difiere de la línea 6.',
      },
      {
        place: '8 status',
        en: 'Lines of one order must agree, and this differs from line 6.',
        es: 'Las líneas de un mismo pedido deben coincidir, y esta difiere de la línea 6.',
      },
    ]);
  });

  it('names problems of the file as a whole: missing columns, no lines, too many lines', () => {
    expect(problemsOf('external_id,currency,item_name\nA,MXN,Taza\n')).toEqual([
      { place: '1 quantity', en: 'The file needs this column.', es: 'El archivo necesita esta columna.' },
      { place: '1 unit_price', en: 'The file needs this column.', es: 'El archivo necesita esta columna.' },
    ]);
    expect(problemsOf(`${HEADER}\n`)).toEqual([
      {
        place: '2',
        en: 'The file has no orders below its header.',
        es: 'El archivo no tiene pedidos debajo del encabezado.',
      },
    ]);
    expect(problemsOf(`${HEADER}\n${'A,,a@example.com,MXN,,Taza,1,1\n'.repeat(50_001)}`)).toEqual([
      {
        place: '1',
        en: 'The file has more than 50,000 lines; split it into smaller files.',
        es: 'El archivo tiene más de 50.000 líneas; divídelo en archivos más pequeños.',
      },
    ]);
  });
});
