import { describe, expect, it } from 'vitest';
import { filterCommands, type PaletteCommand } from './palette-filter.ts';

const command = (label: string): PaletteCommand => ({ id: label, group: 'navigation', label, run: () => {} });
const commands = [command('Resolver esta conversación'), command('Vista: Mías'), command('Cerrar sesión')];
const labels = (items: PaletteCommand[]) => items.map((item) => item.label);

describe('finding a command in the palette', () => {
  it('lists everything before anything is typed', () => {
    expect(labels(filterCommands(commands, '  '))).toEqual(labels(commands));
  });

  it('matches words in any order, ignoring case and accents', () => {
    expect(labels(filterCommands(commands, 'conversacion resolver'))).toEqual(['Resolver esta conversación']);
    expect(labels(filterCommands(commands, 'MIAS'))).toEqual(['Vista: Mías']);
    expect(labels(filterCommands(commands, 'sesion cerrar'))).toEqual(['Cerrar sesión']);
    expect(filterCommands(commands, 'zzz')).toEqual([]);
  });
});
