import { acceptedMediaTypes, type MediaProblem, mediaProblemFor } from '@charla/contracts/rules';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './Composer.module.css';
import { useFileProblemText } from './file-size.ts';

export type MediaHeaderKind = 'image' | 'video' | 'document';

const KINDS: Record<string, MediaHeaderKind> = { IMAGE: 'image', VIDEO: 'video', DOCUMENT: 'document' };

/** The kind of file a template's header takes, or null for no header or a text one. */
export function mediaHeaderOf(template: { header: { format: string } | null }): MediaHeaderKind | null {
  return KINDS[template.header?.format ?? ''] ?? null;
}

type TemplateHeaderFileProps = {
  kind: MediaHeaderKind;
  file: File | null;
  /** Why the form cannot go yet (e.g. no file picked). */
  error?: string | null;
  onChange: (file: File | null) => void;
};

/** Picks the file of a template's image, video or document header, checked against WhatsApp's limits. */
export function TemplateHeaderFile({ kind, file, error = null, onChange }: TemplateHeaderFileProps) {
  const { t } = useTranslation();
  const problemText = useFileProblemText();
  const inputId = useId();
  const [problem, setProblem] = useState<{ name: string; problem: MediaProblem } | null>(null);
  const previewUrl = useObjectUrl(kind === 'image' ? file : null);

  return (
    <div className={styles.variable}>
      <label htmlFor={inputId} className={styles.fieldLabel}>
        {t(`chat.template.header.${kind}`)}
      </label>
      <input
        id={inputId}
        type="file"
        accept={acceptedMediaTypes('whatsapp', kind).join(',')}
        onChange={(event) => {
          const picked = event.target.files?.[0] ?? null;
          const found = picked && mediaProblemFor('whatsapp', picked.type, picked.size, kind);
          setProblem(picked && found ? { name: picked.name, problem: found } : null);
          onChange(found ? null : picked);
        }}
      />
      {(problem || error) && (
        <p role="alert" className={styles.fileProblem}>
          {problem ? problemText(problem.name, problem.problem) : error}
        </p>
      )}
      {previewUrl && <img src={previewUrl} alt="" className={styles.previewImage} />}
    </div>
  );
}

/** An object URL for a file while it is shown, revoked when it changes or goes. */
function useObjectUrl(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const created = URL.createObjectURL(file);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [file]);
  return url;
}
