import { Eye, EyeOff } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from './live-region';
import { TextField, type TextFieldProps } from './text-field';

export type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'addon'>;

/** A password input with a Show/Hide button (announced), so people on small keyboards can check what they typed. */
export function PasswordField(props: PasswordFieldProps) {
  const { t } = useTranslation('ui');
  const announce = useAnnounce();
  const [visible, setVisible] = useState(false);
  const toggle = () => {
    setVisible(!visible);
    announce(visible ? t('password.hidden') : t('password.shown'));
  };
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      addon={
        <button type="button" className="an-button an-button--secondary" aria-controls={props.id} onClick={toggle}>
          {visible ? (
            <EyeOff className="an-icon" aria-hidden="true" focusable="false" />
          ) : (
            <Eye className="an-icon" aria-hidden="true" focusable="false" />
          )}
          {visible ? t('password.hide') : t('password.show')}
          <span className="an-vh"> {t('password.what')}</span>
        </button>
      }
    />
  );
}
