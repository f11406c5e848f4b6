import { useChangePasswordMutation, useUpdateProfileMutation } from '@anyam/client/graphql';
import { LOCALE_NAMES, LOCALES } from '@anyam/shared/domain';
import { Button, DateTime, Link, Notice, PageHeading, PasswordField, Select, TextField } from '@anyam/client/ui';
import { Check } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TimeZoneField } from '../components/time-zone-field';
import { useFormFlow } from '../components/use-form-flow';
import { useSession, type Member } from '../session';
import { currentPasswordProblem, nameProblem, newPasswordProblem } from '../validation';

export default function ProfilePage() {
  const { t } = useTranslation('account');
  const { member } = useSession();
  if (!member) return null; // RequireMember guards this route
  return (
    <>
      <PageHeading>{t('profile.title')}</PageHeading>
      <dl className="an-facts">
        {member.email && (
          <div>
            <dt>{t('fields.email')}</dt>
            <dd>{member.email}</dd>
          </div>
        )}
        <div>
          <dt>{t('profile.memberSince')}</dt>
          <dd>
            <DateTime value={member.createdAt} variant="date" />
          </dd>
        </div>
      </dl>
      <p className="an-after-form">
        <Link to="/profile/community">{t('profile.communityLink')}</Link>
      </p>
      <DetailsSection member={member} />
      <PasswordSection email={member.email ?? undefined} />
    </>
  );
}

type DetailsField = 'name' | 'locale' | 'timeZone';

function DetailsSection({ member }: { member: Member }) {
  const { t } = useTranslation('account');
  const [updateProfile] = useUpdateProfileMutation();
  const [saved, setSaved] = useState(false);
  const { form, busy, submit, summary } = useFormFlow<DetailsField>({
    id: 'profile',
    initial: { name: member.name, locale: member.locale, timeZone: member.timeZone },
    rules: { name: nameProblem },
    fields: { name: 'name', locale: 'locale', timeZone: 'timeZone' },
  });
  const dirty =
    form.values.name !== member.name || form.values.locale !== member.locale || form.values.timeZone !== member.timeZone;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  // Changed elsewhere (the language switcher, another device) while this form is untouched: show it.
  const { reset } = form;
  useEffect(() => {
    if (!dirtyRef.current) reset({ name: member.name, locale: member.locale, timeZone: member.timeZone });
  }, [member.name, member.locale, member.timeZone, reset]);

  const change = (field: DetailsField, value: string) => {
    setSaved(false);
    form.set(field, value);
  };

  return (
    <section aria-labelledby="profile-details-heading" className="an-section">
      <h2 id="profile-details-heading">{t('profile.details')}</h2>
      <form
        className="an-form"
        noValidate
        aria-labelledby="profile-details-heading"
        onSubmit={submit(async (values) => {
          await updateProfile({
            variables: { input: { name: values.name.trim(), locale: values.locale, timeZone: values.timeZone } },
          });
          form.reset({ ...values, name: values.name.trim() });
          setSaved(true);
        })}
      >
        {summary}
        <TextField
          {...form.field('name')}
          onChange={(value) => change('name', value)}
          label={t('fields.name')}
          autoComplete="name"
        />
        <Select
          id={form.fieldId('locale')}
          label={t('fields.language')}
          hint={t('profile.languageHint')}
          value={form.values.locale}
          error={form.field('locale').error}
          onChange={(value) => change('locale', value)}
          options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code], lang: code }))}
        />
        <TimeZoneField
          id={form.fieldId('timeZone')}
          value={form.values.timeZone}
          error={form.field('timeZone').error}
          onChange={(value) => change('timeZone', value)}
        />
        <div className="an-actions">
          <Button type="submit" busy={busy}>
            {t('profile.save')}
          </Button>
          <span role="status" className="an-status">
            {saved && !dirty && (
              <>
                <Check className="an-icon" aria-hidden="true" focusable="false" />
                {t('profile.saved')}
              </>
            )}
          </span>
        </div>
      </form>
    </section>
  );
}

type PasswordFieldName = 'currentPassword' | 'newPassword';

function PasswordSection({ email }: { email?: string }) {
  const { t } = useTranslation('account');
  const [changePassword] = useChangePasswordMutation();
  const [changed, setChanged] = useState(false);
  const { form, busy, submit, summary } = useFormFlow<PasswordFieldName>({
    id: 'password',
    initial: { currentPassword: '', newPassword: '' },
    rules: {
      currentPassword: currentPasswordProblem,
      newPassword: (value) => newPasswordProblem(value, email),
    },
    fields: { currentPassword: 'currentPassword', newPassword: 'newPassword', password: 'newPassword' },
  });

  return (
    <section aria-labelledby="profile-password-heading" className="an-section">
      <h2 id="profile-password-heading">{t('profile.passwordTitle')}</h2>
      <form
        className="an-form"
        noValidate
        aria-labelledby="profile-password-heading"
        onSubmit={submit(async (values) => {
          setChanged(false);
          await changePassword({
            variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } },
          });
          form.reset({ currentPassword: '', newPassword: '' });
          setChanged(true);
        })}
      >
        {summary}
        {changed && (
          <Notice tone="success" role="status">
            <p>{t('profile.passwordChanged')}</p>
          </Notice>
        )}
        <PasswordField
          {...form.field('currentPassword')}
          label={t('fields.currentPassword')}
          autoComplete="current-password"
        />
        <PasswordField
          {...form.field('newPassword')}
          label={t('fields.newPassword')}
          hint={t('signUp.passwordHint', { min: 10 })}
          autoComplete="new-password"
        />
        <div>
          <Button type="submit" busy={busy}>
            {t('profile.changePassword')}
          </Button>
        </div>
      </form>
    </section>
  );
}
