import { useResetPasswordMutation } from '@anyam/client/graphql';
import { Button, Link, Notice, PageHeading, PasswordField } from '@anyam/client/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormFlow } from '../components/use-form-flow';
import { newPasswordProblem } from '../validation';

export default function ResetPasswordPage() {
  const { t } = useTranslation('account');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [resetPassword] = useResetPasswordMutation();
  const [done, setDone] = useState(false);
  const { form, busy, submit, summary } = useFormFlow<'password'>({
    id: 'reset',
    initial: { password: '' },
    rules: { password: (value) => newPasswordProblem(value) },
    fields: { password: 'password', newPassword: 'password' },
  });

  if (!token) {
    return (
      <>
        <PageHeading>{t('reset.title')}</PageHeading>
        <Notice tone="error">
          <p>{t('reset.missingToken')}</p>
        </Notice>
        <p className="an-after-form">
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </p>
      </>
    );
  }

  if (done) {
    return (
      <>
        <PageHeading>{t('reset.title')}</PageHeading>
        <Notice tone="success" role="status">
          <p>{t('reset.done')}</p>
        </Notice>
        <p className="an-after-form">
          <Link to="/sign-in" appearance="button-primary">
            {t('reset.signIn')}
          </Link>
        </p>
      </>
    );
  }

  const tokenProblem = form.formError === t('errors.token.invalidOrExpired');
  return (
    <>
      <PageHeading>{t('reset.title')}</PageHeading>
      <p>{t('reset.intro')}</p>
      <form
        className="an-form"
        noValidate
        aria-label={t('reset.title')}
        onSubmit={submit(async (values) => {
          await resetPassword({ variables: { token, password: values.password } });
          setDone(true);
        })}
      >
        {summary}
        {tokenProblem && (
          <p>
            <Link to="/forgot-password">{t('reset.requestNew')}</Link>
          </p>
        )}
        <PasswordField
          {...form.field('password')}
          label={t('fields.newPassword')}
          hint={t('signUp.passwordHint', { min: 10 })}
          autoComplete="new-password"
        />
        <div>
          <Button type="submit" busy={busy} block>
            {t('reset.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
