import type { MediaProblem } from '@charla/contracts/rules';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../shared/i18n/format.ts';

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

/** Why a picked file cannot go, in the reader's language: its type, or its size with the limit. */
export function useFileProblemText(): (name: string, problem: MediaProblem) => string {
  const { t } = useTranslation();
  const { language } = useFormatters();
  return (name, problem) =>
    problem.problem === 'type'
      ? t('chat.attach.typeRefused', { name, type: problem.mimeType })
      : t('chat.attach.tooLarge', {
          name,
          size: formatFileSize(problem.size, language),
          max: formatFileSize(problem.maxBytes, language),
        });
}
