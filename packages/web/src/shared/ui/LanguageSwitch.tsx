import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, toSupportedLanguage } from '../i18n/index.ts';
import { classNames } from './classNames.ts';
import styles from './LanguageSwitch.module.css';

/** English / Español as a pair of toggle buttons; the choice is remembered on this device. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const current = toSupportedLanguage(i18n.resolvedLanguage);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div role="group" aria-label={t('language.label')} className={classNames(styles.switch, className)}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={current === language}
          className={styles.option}
          onClick={() => void changeLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
