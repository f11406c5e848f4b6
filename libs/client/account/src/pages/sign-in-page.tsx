import { Button, Link, PageHeading, PasswordField, TextField } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useFormFlow } from '../components/use-form-flow';
import { useSession } from '../session';
import { emailProblem, safeNext, signInPasswordProblem } from '../validation';

type Field = 'email' | 'password';

export default function SignInPage() {
  const { t } = useTranslation('account');
  const { status, signIn } = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { form, busy, submit, summary } = useFormFlow<Field>({
    id: 'sign-in',
    initial: { email: '', password: '' },
    rules: { email: emailProblem, password: signInPasswordProblem },
    fields: { email: 'email' },
  });

  if (status === 'signedIn') return <Navigate to={next} replace />;

  return (
    <>
      <PageHeading>{t('signIn.title')}</PageHeading>
      <form
        className="an-form"
        noValidate
        aria-label={t('signIn.title')}
        onSubmit={submit(async (values) => {
          await signIn({ email: values.email.trim(), password: values.password });
        })}
      >
        {summary}
        <TextField
          {...form.field('email')}
          type="email"
          label={t('fields.email')}
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
        />
        <PasswordField {...form.field('password')} label={t('fields.password')} autoComplete="current-password" />
        <p className="an-form__aside">
          <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        </p>
        <div>
          <Button type="submit" busy={busy} block>
            {t('signIn.submit')}
          </Button>
        </div>
      </form>
      <p className="an-after-form">
        {t('signIn.noAccount')}{' '}
        <Link to={next === '/' ? '/sign-up' : `/sign-up?next=${encodeURIComponent(next)}`}>{t('signIn.signUpLink')}</Link>
      </p>
    </>
  );
}
