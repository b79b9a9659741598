import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LogoMark } from './icons.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import styles from './PublicPage.module.css';
import { useDocumentTitle } from './useDocumentTitle.ts';

type PublicPageProps = { title: string; intro?: string; children: ReactNode };

/** The centred card used before signing in (setup, sign in). */
export function PublicPage({ title, intro, children }: PublicPageProps) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <span className={styles.brand}>
          <LogoMark />
          {t('app.name')}
        </span>
        <LanguageSwitch />
      </header>
      <main className={styles.main}>
        <div className={styles.card}>
          <h1 className={styles.title}>{title}</h1>
          {intro && <p className={styles.intro}>{intro}</p>}
          {children}
        </div>
      </main>
    </div>
  );
}
