const KB = 1024;
const MB = 1024 * KB;

/** "840 kB" / "2.4 MB" in the reader's language. */
export function formatFileSize(bytes: number, language: string): string {
  const [value, unit] = bytes >= MB ? [bytes / MB, 'megabyte'] : [Math.max(bytes / KB, 0.1), 'kilobyte'];
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
