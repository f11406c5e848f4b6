import '../community.css';
import { useSession } from '@anyam/client/account';
import {
  useDecideHubJoinRequestMutation,
  useHubQuery,
  readApiProblems,
  useJoinHubMutation,
  useLeaveHubMutation,
  type HubQuery,
} from '@anyam/client/graphql';
import { Button, DateTime, Link, Notice, PageHeading, useAnnounce, useViewer } from '@anyam/client/ui';
import { Clock, MapPin, Pencil } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { QueryState } from '../components/query-state';
import { ThemeTags } from '../components/themes';
import { InviteForm } from '../components/invite-form';
import { formatClock, formatList, formatWeekdays, localTimeToday, place } from '../format';

type Hub = HubQuery['hub'];

export default function HubPage() {
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useHubQuery({ variables: { slug } });
  const hub = data?.hub;
  if (!hub) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  return <HubView hub={hub} />;
}

function HubView({ hub }: { hub: Hub }) {
  const { t, i18n } = useTranslation('community');
  const locale = i18n.resolvedLanguage ?? 'en';
  const services = hub.services.filter(Boolean);
  return (
    <>
      <p className="an-breadcrumb">
        <Link to={`/regions/${hub.region.slug}`}>{hub.region.name}</Link>
        {hub.alliance && (
          <>
            {' · '}
            <Link to={`/alliances/${hub.alliance.slug}`}>{hub.alliance.name}</Link>
          </>
        )}
      </p>
      <PageHeading>{hub.name}</PageHeading>
      <p className="an-meta">
        <MapPin className="an-icon" aria-hidden="true" focusable="false" />
        {place(hub.city, hub.country, locale)}
      </p>
      <JoinAction hub={hub} />
      <p className="an-lead">{hub.description}</p>
      <ThemeTags themes={hub.themes} />
      <dl className="an-facts an-facts--wide">
        <WorkingHours hub={hub} />
        <div>
          <dt>{t('hub.deliveryModes')}</dt>
          <dd>{formatList(hub.deliveryModes.map((m) => t(`delivery.${m}`)), locale)}</dd>
        </div>
        <div>
          <dt>{t('hub.stage')}</dt>
          <dd>
            <span className="an-stage" aria-hidden="true">
              {Array.from({ length: 6 }, (_, i) => (
                <span key={i} className={i < hub.stage ? 'an-stage__step an-stage__step--done' : 'an-stage__step'} />
              ))}
            </span>
            {t('hub.stageOf', { stage: hub.stage })}: {t(`stages.${hub.stage}`)}
          </dd>
        </div>
        <div>
          <dt>{t('hub.host')}</dt>
          <dd>
            {hub.hostOrganisation ? (
              <Link to={`/organisations/${hub.hostOrganisation.slug}`}>{hub.hostOrganisation.name}</Link>
            ) : (
              t('hub.hostHidden')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('hub.partners')}</dt>
          <dd>
            {hub.partnerOrganisations.length === 0 ? (
              t('hub.noPartners')
            ) : (
              <ul className="an-inline-list">
                {hub.partnerOrganisations.map((o) => (
                  <li key={o.id}>
                    <Link to={`/organisations/${o.slug}`}>{o.name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {services.length > 0 && (
          <div>
            <dt>{t('hub.services')}</dt>
            <dd>
              <ul className="an-bullets">
                {services.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      {hub.viewerCanEdit && <CoordinatorTools hub={hub} />}
      <Members hub={hub} />
    </>
  );
}

function WorkingHours({ hub }: { hub: Hub }) {
  const { t, i18n } = useTranslation('community');
  const locale = i18n.resolvedLanguage ?? 'en';
  const viewer = useViewer();
  const { start, end, weekdays } = hub.workingHours;
  const from = localTimeToday(start, hub.timeZone);
  const to = localTimeToday(end, hub.timeZone);
  const elsewhere = viewer.timeZone !== hub.timeZone && from && to;
  return (
    <div>
      <dt>{t('hub.workingHours')}</dt>
      <dd>
        <Clock className="an-icon an-icon--inline" aria-hidden="true" focusable="false" />
        {t('hub.hours', { days: formatWeekdays(weekdays, locale), start, end, zone: hub.timeZone })}
        {elsewhere && (
          <div className="an-meta">
            {t('hub.hoursForYou', {
              start: formatClock(from, viewer.timeZone, locale),
              end: formatClock(to, viewer.timeZone, locale),
              zone: viewer.timeZone,
            })}
          </div>
        )}
      </dd>
    </div>
  );
}

function JoinAction({ hub }: { hub: Hub }) {
  const { t } = useTranslation('community');
  const { status } = useSession();
  const location = useLocation();
  const announce = useAnnounce();
  const statusRef = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const options = { refetchQueries: ['Hub'], awaitRefetchQueries: true };
  const [join, joining] = useJoinHubMutation(options);
  const [leave, leaving] = useLeaveHubMutation(options);

  if (status !== 'signedIn') {
    if (status === 'loading') return null;
    const next = encodeURIComponent(location.pathname);
    return (
      <div className="an-join">
        <p>{t('join.signedOut')}</p>
        <div className="an-actions">
          <Link to={`/sign-in?next=${next}`} appearance="button-primary">
            {t('join.signIn')}
          </Link>
          <Link to={`/sign-up?next=${next}`} appearance="button-secondary">
            {t('join.signUp')}
          </Link>
        </div>
      </div>
    );
  }

  const act = async (kind: 'join' | 'leave') => {
    setProblem(null);
    try {
      const result =
        kind === 'join'
          ? (await join({ variables: { hubId: hub.id } })).data?.joinHub
          : (await leave({ variables: { hubId: hub.id } })).data?.leaveHub;
      const message =
        kind === 'leave'
          ? t('join.left', { hub: hub.name })
          : result?.viewerIsMember
            ? t('join.joined', { hub: hub.name })
            : t('join.requested', { hub: hub.name });
      announce(message);
      statusRef.current?.focus();
    } catch (error) {
      const reason = readApiProblems(error)[0]?.reason;
      setProblem(reason && ['lastCoordinator', 'alreadyMember', 'alreadyRequested'].includes(reason) ? t(`join.errors.${reason}`) : t('errors.code.UNKNOWN'));
    }
  };

  let body;
  if (hub.viewerIsMember) {
    body = (
      <>
        <p>{t('join.member', { role: t(`roles.${hub.viewerRole ?? 'MEMBER'}`) })}</p>
        <Button variant="secondary" busy={leaving.loading} onClick={() => void act('leave')}>
          {t('join.leave')}
        </Button>
      </>
    );
  } else if (hub.viewerJoinRequestStatus === 'PENDING') {
    body = (
      <p className="an-pending">
        <strong>{t('join.pending')}</strong> {t('join.pendingHint')}
      </p>
    );
  } else if (hub.viewerCanJoin) {
    body = (
      <>
        {hub.viewerJoinRequestStatus === 'DECLINED' && <p>{t('join.declined')}</p>}
        <p>{hub.joinPolicy === 'OPEN' ? t('join.openHint') : t('join.byRequestHint')}</p>
        <Button busy={joining.loading} onClick={() => void act('join')}>
          {hub.joinPolicy === 'OPEN' ? t('join.join') : t('join.ask')}
        </Button>
      </>
    );
  } else {
    body = <p>{t('join.cannot')}</p>;
  }
  return (
    <div className="an-join" ref={statusRef} tabIndex={-1} aria-label={t('join.label')} role="group">
      {body}
      {problem && (
        <Notice tone="error" role="alert">
          <p>{problem}</p>
        </Notice>
      )}
    </div>
  );
}

function CoordinatorTools({ hub }: { hub: Hub }) {
  const { t } = useTranslation('community');
  return (
    <section className="an-section an-coordinator" aria-labelledby="hub-coordinate">
      <h2 id="hub-coordinate">{t('coordinate.title')}</h2>
      <p>
        <Link to={`/hubs/${hub.slug}/edit`} appearance="button-secondary">
          <Pencil className="an-icon" aria-hidden="true" focusable="false" />
          {t('coordinate.edit')}
        </Link>
      </p>
      <JoinRequests hub={hub} />
      <InviteForm hubId={hub.id} hubName={hub.name} />
    </section>
  );
}

function JoinRequests({ hub }: { hub: Hub }) {
  const { t } = useTranslation('community');
  const announce = useAnnounce();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [decide] = useDecideHubJoinRequestMutation({ refetchQueries: ['Hub'], awaitRefetchQueries: true });
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const pending = (hub.joinRequests ?? []).filter((r) => r.status === 'PENDING');

  const onDecide = async (id: string, name: string, approve: boolean) => {
    setBusy(`${id}:${approve}`);
    setProblem(null);
    try {
      await decide({ variables: { requestId: id, approve } });
      announce(approve ? t('requests.approved', { name }) : t('requests.declined', { name }));
      headingRef.current?.focus();
    } catch {
      setProblem(t('errors.code.UNKNOWN'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="an-subsection">
      <h3 id="hub-requests" ref={headingRef} tabIndex={-1}>
        {t('requests.title', { count: pending.length })}
      </h3>
      {problem && (
        <Notice tone="error" role="alert">
          <p>{problem}</p>
        </Notice>
      )}
      {pending.length === 0 ? (
        <p>{t('requests.none')}</p>
      ) : (
        <ul className="an-rows" aria-labelledby="hub-requests">
          {pending.map((request) => {
            const name = request.requester?.name ?? t('requests.someone');
            return (
              <li key={request.id} className="an-row">
                <div>
                  <strong>{name}</strong>
                  <div className="an-meta">
                    {t('requests.asked')} <DateTime value={request.createdAt} variant="relative" />
                  </div>
                </div>
                <div className="an-row__actions">
                  <Button busy={busy === `${request.id}:true`} onClick={() => void onDecide(request.id, name, true)}>
                    {t('requests.approve')}
                    <span className="an-vh"> {name}</span>
                  </Button>
                  <Button
                    variant="secondary"
                    busy={busy === `${request.id}:false`}
                    onClick={() => void onDecide(request.id, name, false)}
                  >
                    {t('requests.decline')}
                    <span className="an-vh"> {name}</span>
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function Members({ hub }: { hub: Hub }) {
  const { t } = useTranslation('community');
  const location = useLocation();
  const members = hub.members;
  return (
    <section className="an-section" aria-labelledby="hub-members">
      <h2 id="hub-members">{t('members.ofHub')}</h2>
      {!members ? (
        <p>
          {t('members.signInToSee')}{' '}
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>{t('join.signIn')}</Link>
        </p>
      ) : members.edges.length === 0 ? (
        <p>{t('members.noneVisible')}</p>
      ) : (
        <>
          <p className="an-meta">{t('members.visibleNote')}</p>
          <ul className="an-rows" aria-labelledby="hub-members">
            {members.edges.map(({ node }) => (
              <li key={node.member.id} className="an-row">
                <div>
                  <Link to={`/members/${node.member.id}`}>{node.member.name}</Link>
                  {node.member.pronouns && <span className="an-meta"> ({node.member.pronouns})</span>}
                </div>
                <span className="an-badge">{t(`roles.${node.role}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
