import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import styles from './Notifications.module.css';
import { dismissToast, useToasts } from './toast-store.ts';

/**
 * The corner where toasts appear. The region is always in the page, so screen readers announce
 * each new toast politely without moving focus.
 */
export function ToastArea() {
  const { t } = useTranslation();
  const toasts = useToasts();
  return (
    <section aria-label={t('notifications.region')} className={styles.area}>
      {/* The live region wraps the list: as the list's own role it would hide the list from assistive tech. */}
      <div role="status" aria-live="polite">
        <ol className={styles.list}>
          {toasts.map((toast) => (
            <li key={toast.id} className={styles.toast}>
              <div className={styles.text}>
                {toast.href ? (
                  <Link to={toast.href} className={styles.title} onClick={() => dismissToast(toast.id)}>
                    {toast.title}
                  </Link>
                ) : (
                  <p className={styles.title}>{toast.title}</p>
                )}
                {toast.body && <p className={styles.body}>{toast.body}</p>}
              </div>
              <button
                type="button"
                className={styles.dismiss}
                aria-label={t('notifications.dismiss')}
                title={t('notifications.dismiss')}
                onClick={() => dismissToast(toast.id)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
