import { Button, describedBy, FieldFrame } from '@anyam/client/ui';
import { useEffect, useId, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { loadMarkdownRenderer } from '../markdown-preview';
import { plainHtml } from '../text';

export interface MarkdownAreaProps {
  id: string;
  name?: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: ReactNode;
  validate?: (value: string) => ReactNode | null;
  rows?: number;
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** Shown under the box, e.g. "Draft saved". */
  status?: ReactNode;
}

/** The text as it will read once posted: Markdown rendered in the browser (see markdown-preview.ts). */
function Preview({ id, value, lang }: { id: string; value: string; lang?: string }) {
  const { t } = useTranslation('forum');
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadMarkdownRenderer().then(
      (render) => live && setHtml(render(value)),
      () => live && setHtml(plainHtml(value)), // offline: the text as plain paragraphs
    );
    return () => {
      live = false;
    };
  }, [value]);
  return (
    <div id={id} className="an-forum-preview an-forum-post__body" role="region" aria-label={t('newThread.previewLabel')} lang={lang}>
      {!value.trim() ? (
        <p>{t('newThread.previewEmpty')}</p>
      ) : html === null ? (
        <p>{t('state.loading')}</p>
      ) : (
        // Rendered by markdown-it with raw HTML off, images off and only http(s)/mailto links: the person's own text.
        <div dangerouslySetInnerHTML={{ __html: html }} />
      )}
    </div>
  );
}

/**
 * A Markdown text box with a preview toggle: label, hint and error wired like TextField, checked when
 * leaving it. The preview shows the text formatted as it will be posted.
 */
export function MarkdownArea({ id, name, label, value, onChange, hint, error, validate, rows = 6, textareaRef, status }: MarkdownAreaProps) {
  const { t } = useTranslation('forum');
  const [ownError, setOwnError] = useState<ReactNode | null>(null);
  const [preview, setPreview] = useState(false);
  const previewId = useId();
  const shown = error !== undefined ? error : ownError;
  const run = (next: string) => validate && setOwnError(validate(next) ?? null);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={shown}>
      {preview ? (
        <Preview id={previewId} value={value} />
      ) : (
        <textarea
          id={id}
          ref={textareaRef}
          name={name}
          rows={rows}
          className="an-input an-forum-textarea"
          value={value}
          aria-invalid={shown ? true : undefined}
          aria-describedby={describedBy(id, hint, shown)}
          onChange={(event) => {
            onChange(event.target.value);
            if (shown) run(event.target.value);
          }}
          onBlur={(event) => {
            if (event.target.value !== '' || shown) run(event.target.value);
          }}
        />
      )}
      <div className="an-forum-preview-toggle">
        <Button variant="quiet" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
          {preview ? t('newThread.edit') : t('newThread.preview')}
        </Button>
        {status && <span className="an-forum-meta">{status}</span>}
      </div>
    </FieldFrame>
  );
}
