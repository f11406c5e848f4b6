import '../community.css';
import { useSession } from '@anyam/client/account';
import { readApiProblems, useAcceptInvitationMutation, useInvitationPreviewQuery } from '@anyam/client/graphql';
import { Button, Link, Notice, PageHeading, Skeleton } from '@anyam/client/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

export default function InvitationPage() {
  const { t } = useTranslation('community');
  const { token = '' } = useParams();
  const { status, member } = useSession();
  const navigate = useNavigate();
  const { data, loading } = useInvitationPreviewQuery({ variables: { token } });
  const [accept, accepting] = useAcceptInvitationMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const invitation = data?.invitation;

  if (!data && loading) return <Skeleton label={t('state.loading')} lines={3} />;
  if (!invitation || !invitation.usable) {
    return (
      <>
        <PageHeading>{t('invitation.unusableTitle')}</PageHeading>
        <p>{t('invitation.unusable')}</p>
        <p>
          <Link to="/hubs">{t('state.toHubs')}</Link>
        </p>
      </>
    );
  }

  const target = invitation.hubSlug ? `/hubs/${invitation.hubSlug}` : `/organisations/${invitation.organisationSlug}`;
  const here = encodeURIComponent(`/invitations/${token}`);
  const role = t(`roles.${invitation.role}`);

  return (
    <>
      <PageHeading title={t('invitation.tabTitle')}>{t('invitation.title', { target: invitation.targetName })}</PageHeading>
      <p className="an-lead">{t('invitation.offer', { target: invitation.targetName, role })}</p>
      <p>
        <Link to={target}>{t('invitation.look', { target: invitation.targetName })}</Link>
      </p>
      {problem && (
        <Notice tone="error" role="alert">
          <p>{problem}</p>
        </Notice>
      )}
      {status === 'signedIn' ? (
        <>
          <p>{t('invitation.signedInAs', { name: member?.name ?? '' })}</p>
          <Button
            busy={accepting.loading}
            onClick={async () => {
              setProblem(null);
              try {
                await accept({ variables: { token } });
                navigate(target, { state: { accepted: true } });
              } catch (error) {
                const reason = readApiProblems(error)[0]?.reason;
                setProblem(reason === 'otherEmail' ? t('errors.token.otherEmail') : t('errors.token.invalidOrExpired'));
              }
            }}
          >
            {t('invitation.accept')}
          </Button>
        </>
      ) : status === 'signedOut' ? (
        <>
          <p>{t('invitation.signedOut')}</p>
          <div className="an-actions">
            <Link to={`/sign-up?next=${here}`} appearance="button-primary">
              {t('invitation.signUp')}
            </Link>
            <Link to={`/sign-in?next=${here}`} appearance="button-secondary">
              {t('invitation.signIn')}
            </Link>
          </div>
        </>
      ) : null}
    </>
  );
}
