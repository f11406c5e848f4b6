import { useApolloClient } from '@apollo/client/react';
import { useLearningDeleteResourceMutation } from '@anyam/client/graphql';
import { Button, useAnnounce } from '@anyam/client/ui';
import { Trash2, Upload } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile, type UploadProblem } from '../access';
import { formatBytes } from '../format';
import { useLearningErrorMessage } from '../problems';

interface Resource {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

/** A lesson's downloadable files: upload one (with progress), or remove one. */
export function LessonResourcesEditor({ lessonId, resources }: { lessonId: string; resources: readonly Resource[] }) {
  const { t, i18n } = useTranslation('learning');
  const locale = i18n.resolvedLanguage ?? 'en';
  const announce = useAnnounce();
  const client = useApolloClient();
  const errorMessage = useLearningErrorMessage();
  const [remove] = useLearningDeleteResourceMutation();
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const upload = async () => {
    const file = input.current?.files?.[0];
    if (!file) {
      setProblem(t('resources.choose'));
      return;
    }
    setProblem(null);
    setProgress(0);
    try {
      await uploadFile(`/files/lessons/${lessonId}/resources`, file, setProgress);
      if (input.current) input.current.value = '';
      await client.refetchQueries({ include: ['LearningLessonEditor'] });
      announce(t('resources.uploaded', { name: file.name }));
    } catch (error) {
      const p = error as UploadProblem;
      const key = p.reason && i18n.exists(`errors.reason.${p.reason}`, { ns: 'learning' }) ? `errors.reason.${p.reason}` : `errors.code.${p.code}`;
      const message = i18n.exists(key, { ns: 'learning' }) ? t(key) : t('errors.code.UNKNOWN');
      setProblem(message);
      announce(message, 'assertive');
    } finally {
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby={`${inputId}-title`} className="an-section">
      <h2 id={`${inputId}-title`}>{t('lesson.resources')}</h2>
      {resources.length === 0 ? (
        <p>{t('resources.none')}</p>
      ) : (
        <ul className="an-learn-resources">
          {resources.map((r) => (
            <li key={r.id}>
              <span>
                {r.fileName} · {formatBytes(r.sizeBytes, locale)}
              </span>
              <Button
                variant="quiet"
                onClick={() =>
                  void remove({ variables: { id: r.id } }).then(
                    () => announce(t('resources.removed', { name: r.fileName })),
                    (error: unknown) => setProblem(errorMessage(error).message),
                  )
                }
              >
                <Trash2 className="an-icon" aria-hidden="true" focusable="false" />
                {t('resources.remove', { name: r.fileName })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="an-field">
        <label className="an-field__label" htmlFor={inputId}>
          {t('resources.file')}
        </label>
        <p className="an-field__hint" id={`${inputId}-hint`}>
          {t('resources.hint')}
        </p>
        {problem && (
          <p className="an-field__error" id={`${inputId}-error`} role="alert">
            {problem}
          </p>
        )}
        <input
          id={inputId}
          ref={input}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.odt,.ods,.odp,.docx,.xlsx,.pptx,.txt,.csv,.md"
          className="an-input"
          aria-describedby={`${inputId}-hint${problem ? ` ${inputId}-error` : ''}`}
          aria-invalid={problem ? true : undefined}
        />
      </div>
      {progress !== null && (
        <div className="an-learn-progress">
          <progress max={100} value={Math.round(progress * 100)} aria-label={t('resources.progress')} />
          <span>{t('resources.progressText', { percent: Math.round(progress * 100) })}</span>
        </div>
      )}
      <div className="an-actions an-learn-upload">
        <Button variant="secondary" busy={progress !== null} onClick={() => void upload()}>
          <Upload className="an-icon" aria-hidden="true" focusable="false" />
          {t('resources.upload')}
        </Button>
      </div>
    </section>
  );
}
