import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes, CRLF and line breaks inside quotes, keeping file line numbers', () => {
    const parsed = parseCsv('\uFEFFa,b\r\n"x, y","say ""hola"""\r\n\r\n"two\nlines",z\nlast,\n');
    expect(parsed).toEqual({
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['x, y', 'say "hola"'] },
        { line: 4, cells: ['two\nlines', 'z'] },
        { line: 6, cells: ['last', ''] },
      ],
    });
  });

  it('reads a last line without a line break', () => {
    expect(parseCsv('a,b\n1,2')).toEqual({
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['1', '2'] },
      ],
    });
  });

  it('names the line of a quote left open', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({ error: 'a quoted field is never closed', line: 2 });
  });
});
