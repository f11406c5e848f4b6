import { LOCALE_NAMES, LOCALES } from '@anyam/shared/domain';
import { browserTimeZone, Button, Link, PageHeading, PasswordField, Select, TextField } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { TimeZoneField } from '../components/time-zone-field';
import { useFormFlow } from '../components/use-form-flow';
import { useSession } from '../session';
import { emailProblem, nameProblem, newPasswordProblem, safeNext } from '../validation';

type Field = 'name' | 'email' | 'password' | 'locale' | 'timeZone';

export default function SignUpPage() {
  const { t, i18n } = useTranslation('account');
  const { status, signUp } = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { form, busy, submit, summary } = useFormFlow<Field>({
    id: 'sign-up',
    initial: {
      name: '',
      email: '',
      password: '',
      locale: i18n.resolvedLanguage ?? 'en',
      timeZone: browserTimeZone(),
    },
    rules: {
      name: nameProblem,
      email: emailProblem,
      password: (value, values) => newPasswordProblem(value, values.email),
    },
    fields: { name: 'name', email: 'email', password: 'password', locale: 'locale', timeZone: 'timeZone' },
  });

  if (status === 'signedIn') return <Navigate to={next} replace />;

  return (
    <>
      <PageHeading title={t('signUp.tabTitle')}>{t('signUp.title')}</PageHeading>
      <p>{t('signUp.intro')}</p>
      <form
        className="an-form"
        noValidate
        aria-label={t('signUp.tabTitle')}
        onSubmit={submit(async (values) => {
          await signUp({
            name: values.name.trim(),
            email: values.email.trim(),
            password: values.password,
            locale: values.locale,
            timeZone: values.timeZone,
          });
        })}
      >
        {summary}
        <TextField {...form.field('name')} label={t('fields.name')} hint={t('signUp.nameHint')} autoComplete="name" />
        <TextField
          {...form.field('email')}
          type="email"
          label={t('fields.email')}
          hint={t('signUp.emailHint')}
          autoComplete="email"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
        />
        <PasswordField
          {...form.field('password')}
          label={t('fields.password')}
          hint={t('signUp.passwordHint', { min: 10 })}
          autoComplete="new-password"
        />
        <Select
          id={form.fieldId('locale')}
          label={t('fields.language')}
          hint={t('signUp.languageHint')}
          value={form.values.locale}
          error={form.field('locale').error}
          onChange={(value) => form.set('locale', value)}
          options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code], lang: code }))}
        />
        <TimeZoneField
          id={form.fieldId('timeZone')}
          value={form.values.timeZone}
          error={form.field('timeZone').error}
          onChange={(value) => form.set('timeZone', value)}
        />
        <div>
          <Button type="submit" busy={busy} block>
            {t('signUp.submit')}
          </Button>
        </div>
      </form>
      <p className="an-after-form">
        {t('signUp.haveAccount')} <Link to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`}>{t('signUp.signInLink')}</Link>
      </p>
    </>
  );
}
