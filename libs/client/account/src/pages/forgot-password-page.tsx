import { useRequestPasswordResetMutation } from '@anyam/client/graphql';
import { Button, Link, Notice, PageHeading, TextField } from '@anyam/client/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormFlow } from '../components/use-form-flow';
import { emailProblem } from '../validation';

export default function ForgotPasswordPage() {
  const { t } = useTranslation('account');
  const [requestReset] = useRequestPasswordResetMutation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, busy, submit, summary } = useFormFlow<'email'>({
    id: 'forgot',
    initial: { email: '' },
    rules: { email: emailProblem },
    fields: { email: 'email' },
  });

  return (
    <>
      <PageHeading>{t('forgot.title')}</PageHeading>
      {sentTo ? (
        <>
          <Notice tone="success" role="status">
            <p>{t('forgot.sent')}</p>
          </Notice>
          <p className="an-after-form">
            <Link to="/sign-in">{t('forgot.back')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          <form
            className="an-form"
            noValidate
            aria-label={t('forgot.title')}
            onSubmit={submit(async (values) => {
              const email = values.email.trim();
              await requestReset({ variables: { email } });
              setSentTo(email);
            })}
          >
            {summary}
            <TextField
              {...form.field('email')}
              type="email"
              label={t('fields.email')}
              autoComplete="email"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
            />
            <div>
              <Button type="submit" busy={busy} block>
                {t('forgot.submit')}
              </Button>
            </div>
          </form>
          <p className="an-after-form">
            <Link to="/sign-in">{t('forgot.back')}</Link>
          </p>
        </>
      )}
    </>
  );
}
