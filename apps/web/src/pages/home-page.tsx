import { useSession } from '@anyam/client/account';
import { Link, PageHeading } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';

const SECTIONS = ['organisations', 'hubs', 'learning', 'meetings'] as const;

export default function HomePage() {
  const { t } = useTranslation('web');
  const { member } = useSession();

  return (
    <>
      {member ? (
        <PageHeading title={t('home.title')}>{t('home.greeting', { name: member.name })}</PageHeading>
      ) : (
        <PageHeading title={t('home.title')}>{t('home.heading')}</PageHeading>
      )}
      <p className="an-lead">{t('home.intro')}</p>
      {member ? (
        <p>
          {t('home.signedInNext')} <Link to="/profile">{t('home.profileLink')}</Link>
        </p>
      ) : (
        <div className="an-actions">
          <Link to="/sign-up" appearance="button-primary">
            {t('home.ctaSignUp')}
          </Link>
          <Link to="/sign-in" appearance="button-secondary">
            {t('home.ctaSignIn')}
          </Link>
        </div>
      )}
      <ul className="an-cards">
        {SECTIONS.map((key) => (
          <li key={key} className={`an-card an-card--${key}`}>
            <h2>{t(`home.sections.${key}.title`)}</h2>
            <p>{t(`home.sections.${key}.text`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
