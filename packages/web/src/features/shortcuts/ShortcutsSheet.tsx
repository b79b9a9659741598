import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../shared/ui/index.ts';
import { useModalDialog } from '../../shared/ui/useModalDialog.ts';
import styles from './Shortcuts.module.css';
import { comboKeys, isMac, SHORTCUTS, type ShortcutSection } from './shortcut-keys.ts';

const SECTIONS: readonly ShortcutSection[] = ['general', 'list', 'conversation', 'palette'];

/** `?`: every shortcut of the app, by where it works, with the keys this keyboard has. */
export function ShortcutsSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const dialogRef = useModalDialog(open);
  const titleId = useId();
  const mac = isMac();
  return (
    <dialog ref={dialogRef} className={styles.sheet} aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId} className={styles.sheetTitle}>
        {t('shortcuts.sheetTitle')}
      </h2>
      <p className={styles.sheetIntro}>{t('shortcuts.sheetIntro')}</p>
      {SECTIONS.map((section) => (
        <section key={section} className={styles.sheetSection}>
          <h3 className={styles.sheetSectionTitle}>{t(`shortcuts.sections.${section}`)}</h3>
          <dl className={styles.sheetList}>
            {SHORTCUTS.filter((shortcut) => shortcut.section === section).map((shortcut) => (
              <div key={shortcut.id} className={styles.sheetRow}>
                <dt>{t(`shortcuts.keys.${shortcut.id}`)}</dt>
                <dd>
                  {shortcut.combos.map((combo, index) => (
                    <Fragment key={combo.key}>
                      {index > 0 && <span className={styles.or}> {t('shortcuts.or')} </span>}
                      {comboKeys(combo, mac).map((key) => (
                        <kbd key={key} className={styles.kbd}>
                          {key}
                        </kbd>
                      ))}
                    </Fragment>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className={styles.sheetActions}>
        <Button onClick={onClose}>{t('shortcuts.close')}</Button>
      </div>
    </dialog>
  );
}
