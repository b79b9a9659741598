import type { Attachment } from '@charla/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../shared/i18n/format.ts';
import { formatFileSize } from './file-size.ts';
import { Lightbox } from './Lightbox.tsx';
import styles from './MessageBody.module.css';

type AttachmentViewProps = {
  attachment: Attachment;
  kind: 'image' | 'video' | 'audio' | 'document' | 'sticker';
};

/** One file of a message: image (opens the lightbox), player, sticker or a document to download. */
export function AttachmentView({ attachment, kind }: AttachmentViewProps) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const [zoomed, setZoomed] = useState(false);
  const { url, fileName, size } = attachment;
  if (!url) return <p className={styles.placeholder}>{t('chat.media.fetching')}</p>;
  const name = fileName ?? t(`chat.media.unnamed.${kind}`);
  switch (kind) {
    case 'image':
      return (
        <>
          <button type="button" className={styles.imageButton} onClick={() => setZoomed(true)}>
            <img
              src={url}
              alt={t('chat.media.openImage', { name })}
              className={styles.image}
              loading="lazy"
            />
          </button>
          {zoomed && <Lightbox src={url} alt={name} onClose={() => setZoomed(false)} />}
        </>
      );
    case 'sticker':
      return <img src={url} alt={t('chat.media.sticker')} className={styles.sticker} loading="lazy" />;
    case 'video':
      // biome-ignore lint/a11y/useMediaCaption: customers' videos come without captions.
      return <video src={url} controls preload="metadata" className={styles.video} aria-label={name} />;
    case 'audio':
      // biome-ignore lint/a11y/useMediaCaption: voice notes and audio come without captions.
      return <audio src={url} controls preload="metadata" className={styles.audio} aria-label={name} />;
    case 'document':
      return (
        <a href={url} download={fileName ?? true} className={styles.document}>
          <span className={styles.docIcon} aria-hidden="true">
            📄
          </span>
          <span className={styles.docText}>
            <span className={styles.docName}>{name}</span>
            {size !== null && <span className={styles.docSize}>{formatFileSize(size, language)}</span>}
          </span>
        </a>
      );
  }
}
