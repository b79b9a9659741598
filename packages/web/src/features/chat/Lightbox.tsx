import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './Lightbox.module.css';

type LightboxProps = { src: string; alt: string; onClose: () => void };

/** An image at full size in a modal `<dialog>`; Escape, the close button or a click outside closes it. */
export function Lightbox({ src, alt, onClose }: LightboxProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialogRef.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className={styles.dialog}
      aria-label={alt}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === dialogRef.current) dialogRef.current.close();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') dialogRef.current?.close();
      }}
    >
      <img src={src} alt={alt} className={styles.image} />
      <div className={styles.bar}>
        <a href={src} download className={styles.link}>
          {t('chat.media.download')}
        </a>
        <button type="button" className={styles.close} onClick={() => dialogRef.current?.close()}>
          {t('chat.media.close')}
        </button>
      </div>
    </dialog>
  );
}
