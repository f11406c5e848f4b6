import type { HubCardFragment } from '@anyam/client/graphql';
import { Link } from '@anyam/client/ui';
import { MapPin } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { place } from '../format';
import { ThemeTags } from './themes';

/** One hub in a list: name, place, alliance, themes, stage and how to join. */
export function HubCard({ hub, headingLevel = 3 }: { hub: HubCardFragment; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation('community');
  const locale = i18n.resolvedLanguage ?? 'en';
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="an-card an-hub-card">
      <Heading className="an-hub-card__name">
        <Link to={`/hubs/${hub.slug}`}>{hub.name}</Link>
      </Heading>
      <p className="an-meta">
        <MapPin className="an-icon" aria-hidden="true" focusable="false" />
        {place(hub.city, hub.country, locale)}
      </p>
      <p className="an-meta">
        {hub.alliance ? t('hubCard.allianceRegion', { alliance: hub.alliance.name, region: hub.region.name }) : hub.region.name}
      </p>
      <ThemeTags themes={hub.themes} />
      <p className="an-meta">
        {t('hub.stageShort', { stage: hub.stage })} · {t(`joinPolicy.${hub.joinPolicy}`)}
      </p>
    </li>
  );
}

export function HubCards({ hubs, headingLevel }: { hubs: readonly HubCardFragment[]; headingLevel?: 2 | 3 }) {
  return (
    <ul className="an-cards an-cards--hubs">
      {hubs.map((hub) => (
        <HubCard key={hub.id} hub={hub} headingLevel={headingLevel} />
      ))}
    </ul>
  );
}
