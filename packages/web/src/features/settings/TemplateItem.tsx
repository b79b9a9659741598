import type { MessageTemplate } from '@charla/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../shared/i18n/index.ts';
import { classNames } from '../../shared/ui/index.ts';
import styles from './Channels.module.css';
import { languageName, splitVariables } from './template-text.ts';

const STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED'] as const;
const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
const FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'] as const;

function known<T extends string>(options: readonly T[], value: string): T | undefined {
  return options.find((option) => option === value);
}

const STATUS_TONE: Record<(typeof STATUSES)[number], string | undefined> = {
  APPROVED: styles.statusApproved,
  PENDING: styles.statusPending,
  REJECTED: styles.statusRejected,
  PAUSED: styles.statusPaused,
};

/** One template as Meta stores it: name, language, category, status and a preview of its text. */
export function TemplateItem({ template }: { template: MessageTemplate }) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const status = known(STATUSES, template.status);
  const category = known(CATEGORIES, template.category);
  const format = template.header ? known(FORMATS, template.header.format) : undefined;
  return (
    <li className={styles.template}>
      <div className={styles.templateHead}>
        <code className={styles.templateName}>{template.name}</code>
        <span className={classNames(styles.status, status ? STATUS_TONE[status] : styles.statusPaused)}>
          {status ? t(`channels.templates.statuses.${status}`) : template.status}
        </span>
      </div>
      <p className={styles.templateMeta}>
        <span lang={template.language.replace('_', '-')}>{languageName(template.language, language)}</span>
        <span aria-hidden="true"> · </span>
        {category ? t(`channels.templates.categories.${category}`) : template.category}
        {template.header && (
          <>
            <span aria-hidden="true"> · </span>
            {t('channels.templates.header', {
              format: format ? t(`channels.templates.formats.${format}`) : template.header.format,
            })}
          </>
        )}
      </p>
      <div className={styles.preview} lang={template.language.replace('_', '-')}>
        {template.header?.text && <p className={styles.previewHeader}>{template.header.text}</p>}
        <p className={styles.previewBody}>
          {splitVariables(template.body).map((part) =>
            part.variable ? (
              <span key={part.start} className={styles.variable}>
                {part.text}
              </span>
            ) : (
              <span key={part.start}>{part.text}</span>
            ),
          )}
        </p>
        {template.footer && <p className={styles.previewFooter}>{template.footer}</p>}
      </div>
    </li>
  );
}
