import { Button, describedBy, FieldFrame } from '@anyam/client/ui';
import { useId, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

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
}

/**
 * A Markdown text box with a plain-text preview toggle: label, hint and error wired like TextField, checked
 * when leaving it. The preview shows the text as it will read (no HTML is rendered from what was typed).
 */
export function MarkdownArea({ id, name, label, value, onChange, hint, error, validate, rows = 6, textareaRef }: MarkdownAreaProps) {
  const { t } = useTranslation('forum');
  const [ownError, setOwnError] = useState<ReactNode | null>(null);
  const [preview, setPreview] = useState(false);
  const previewId = useId();
  const shown = error !== undefined ? error : ownError;
  const run = (next: string) => validate && setOwnError(validate(next) ?? null);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={shown}>
      {preview ? (
        <div id={previewId} className="an-forum-preview" aria-label={t('newThread.previewLabel')} role="region">
          {value.trim() ? value : '—'}
        </div>
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
      </div>
    </FieldFrame>
  );
}
