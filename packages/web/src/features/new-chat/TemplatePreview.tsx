import type { MessageTemplate } from '@charla/contracts';
import { renderTemplateBody } from '@charla/contracts/rules';
import { useTranslation } from 'react-i18next';
import styles from './NewChat.module.css';

/** The message as the customer will read it, updated as the variables are typed. */
export function TemplatePreview({ template, values }: { template: MessageTemplate; values: string[] }) {
  const { t } = useTranslation();
  const body = renderTemplateBody(template.body, template.variables, values);
  return (
    <figure className={styles.preview}>
      <figcaption className={styles.previewLabel}>{t('newChat.preview')}</figcaption>
      <div className={styles.bubble}>
        {template.header?.text && <p className={styles.bubbleHeader}>{template.header.text}</p>}
        <p className={styles.bubbleBody}>{body}</p>
        {template.footer && <p className={styles.bubbleFooter}>{template.footer}</p>}
        {template.buttons.length > 0 && (
          <ul className={styles.bubbleButtons}>
            {template.buttons.map((button) => (
              <li key={button.text}>{button.text}</li>
            ))}
          </ul>
        )}
      </div>
    </figure>
  );
}
