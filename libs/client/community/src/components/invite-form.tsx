import { useInviteMemberMutation, type CommunityRole } from '@anyam/client/graphql';
import { Button, Notice, Select, TextField } from '@anyam/client/ui';
import { isEmail } from '@anyam/shared/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunityForm } from './use-community-form';

type InviteField = 'email' | 'role';

/** Coordinators invite someone by e-mail to their hub or organisation, with a role. */
export function InviteForm({ hubId, organisationId, hubName }: { hubId?: string; organisationId?: string; hubName: string }) {
  const { t } = useTranslation('community');
  const [invite] = useInviteMemberMutation();
  const [sent, setSent] = useState<string | null>(null);
  const { form, busy, submit, summary } = useCommunityForm<InviteField>({
    id: 'invite',
    initial: { email: '', role: 'MEMBER' },
    rules: {
      email: (value) => (!value.trim() ? 'errors.email.empty' : isEmail(value.trim()) ? null : 'errors.email.invalid'),
    },
  });
  const roles: CommunityRole[] = hubId ? ['MEMBER', 'FACILITATOR', 'COORDINATOR'] : ['MEMBER', 'COORDINATOR'];
  return (
    <div className="an-subsection">
      <h3 id="invite-heading">{t('invite.title')}</h3>
      <p>{t('invite.intro', { target: hubName })}</p>
      <form
        className="an-form"
        noValidate
        aria-labelledby="invite-heading"
        onSubmit={submit(async (values) => {
          setSent(null);
          const email = values.email.trim();
          await invite({ variables: { input: { email, role: values.role as CommunityRole, hubId, organisationId } } });
          form.reset({ email: '', role: values.role });
          setSent(email);
        })}
      >
        {summary}
        {sent && (
          <Notice tone="success" role="status">
            <p>{t('invite.sent', { email: sent })}</p>
          </Notice>
        )}
        <TextField
          {...form.field('email')}
          type="email"
          label={t('invite.email')}
          autoComplete="off"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
        />
        <Select
          id={form.fieldId('role')}
          label={t('invite.role')}
          hint={t('invite.roleHint')}
          value={form.values.role}
          error={form.field('role').error}
          onChange={(value) => form.set('role', value)}
          options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <div>
          <Button type="submit" busy={busy}>
            {t('invite.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

