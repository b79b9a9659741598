/** One entry of the command palette. */
export type PaletteCommand = {
  id: string;
  group: 'conversations' | 'actions' | 'navigation' | 'preferences';
  label: string;
  /** Shown muted after the label (a channel name, a shortcut). */
  detail?: string | undefined;
  run: () => void;
};

/** Lower-case without accents, so "resolver" finds "Resolver" and "asignar" finds "Asignarme". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** The commands whose label holds every typed word, in their original order. */
export function filterCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((command) => {
    const label = foldText(command.label);
    return words.every((word) => label.includes(word));
  });
}
