import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../shared/i18n/format.ts';
import type { PickedFile, RefusedFile } from './attachments.ts';
import styles from './Composer.module.css';
import { formatFileSize, useFileProblemText } from './file-size.ts';

type AttachmentTrayProps = {
  files: PickedFile[];
  refused: RefusedFile[];
  onRemove: (key: string) => void;
};

/** The files about to be sent (with image previews), and those the channel refuses, with why. */
export function AttachmentTray({ files, refused, onRemove }: AttachmentTrayProps) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const problemText = useFileProblemText();
  if (files.length === 0 && refused.length === 0) return null;
  return (
    <div className={styles.tray}>
      {refused.length > 0 && (
        <ul className={styles.refused} role="alert">
          {refused.map(({ name, problem }) => (
            <li key={name}>{problemText(name, problem)}</li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className={styles.files} aria-label={t('chat.attach.list')}>
          {files.map(({ key, file, previewUrl }) => (
            <li key={key} className={styles.file}>
              {previewUrl ? (
                <img src={previewUrl} alt="" className={styles.thumb} />
              ) : (
                <span className={styles.fileIcon} aria-hidden="true">
                  📄
                </span>
              )}
              <span className={styles.fileName}>{file.name}</span>
              <span className={styles.fileSize}>{formatFileSize(file.size, language)}</span>
              <button
                type="button"
                className={styles.remove}
                aria-label={t('chat.attach.remove', { name: file.name })}
                onClick={() => onRemove(key)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
