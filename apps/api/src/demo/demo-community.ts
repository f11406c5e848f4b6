import type { EntityManager } from 'typeorm';
import { Role, RoleScope } from '@anyam/shared/domain';
import { RoleGrantEntity } from '@anyam/server/accounts';
import {
  AllianceEntity,
  DirectoryVisibility,
  HubEntity,
  MemberProfileEntity,
  OrganisationEntity,
  RegionEntity,
} from '@anyam/server/community';

/**
 * Demo community: the regions, alliances, organisations and hubs named in the 2023 Weaving Resilience
 * report (PLUS / Re.Search, Yayasan Kehati / Ananta Fund, Roemah Inspirit / REACH, Jalin Tenggara,
 * Enlaza Sur), plus invented but plausible Andean organisations (they do not claim to be real ones).
 * Descriptions are in English and, where natural, in the hub's own language.
 */
export const DEMO_REGIONS = [
  {
    slug: 'southeast-asia',
    name: 'Southeast Asia',
    timeZone: 'Asia/Jakarta',
    description:
      'CSOs and hubs across Indonesia and neighbouring countries, weaving resilience together through the Jalin Tenggara alliance.',
  },
  {
    slug: 'andean-region',
    name: 'Andean Region',
    timeZone: 'America/Lima',
    description:
      'Organisations in Peru, Bolivia, Ecuador and Colombia, connected through the Enlaza Sur alliance. / Organizaciones de Perú, Bolivia, Ecuador y Colombia, conectadas por la alianza Enlaza Sur.',
  },
  {
    slug: 'east-africa',
    name: 'East Africa',
    timeZone: 'Africa/Nairobi',
    description: 'A region that is just starting: organisations in Kenya, Uganda and Tanzania exploring the hub model.',
  },
];

export const DEMO_ALLIANCES = [
  {
    slug: 'jalin-tenggara',
    name: 'Jalin Tenggara',
    region: 'southeast-asia',
    launchedOn: '2023-05-09',
    description:
      'An alliance of hubs in Southeast Asia launched on 9 May 2023 at the Weaving Resilience Initiative meeting. / Aliansi hub di Asia Tenggara yang diluncurkan pada 9 Mei 2023.',
  },
  {
    slug: 'enlaza-sur',
    name: 'Enlaza Sur',
    region: 'andean-region',
    launchedOn: null,
    description:
      'A network of hubs in the Andean region of South America. / Una red de hubs en la región andina de Sudamérica.',
  },
];

interface DemoOrganisation {
  slug: string;
  name: string;
  country: string;
  city: string;
  languages: string[];
  themes: string[];
  description: string;
  website: string | null;
  visibility: 'public' | 'members';
  verified: boolean;
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    slug: 'plus',
    name: 'PLUS — Platform Usaha Sosial',
    country: 'ID',
    city: 'Bogor',
    languages: ['id', 'en'],
    themes: ['financial-resilience', 'institutional-resilience'],
    description:
      'Supports CSOs to build financial resilience beyond donor funding. / Mendampingi OMS membangun ketahanan finansial di luar dana donor.',
    website: null,
    visibility: 'public',
    verified: true,
  },
  {
    slug: 'yayasan-kehati',
    name: 'Yayasan Kehati',
    country: 'ID',
    city: 'Jakarta',
    languages: ['id', 'en'],
    themes: ['financial-resilience', 'governance'],
    description:
      'An Indonesian biodiversity foundation that runs the Ananta Fund for CSOs. / Yayasan keanekaragaman hayati Indonesia yang mengelola Ananta Fund.',
    website: null,
    visibility: 'public',
    verified: true,
  },
  {
    slug: 'roemah-inspirit',
    name: 'Roemah Inspirit',
    country: 'ID',
    city: 'Jakarta',
    languages: ['id', 'en'],
    themes: ['communications', 'strategic-relevance'],
    description:
      'Helps CSOs tell their story and reach their public. / Membantu OMS menyampaikan cerita dan menjangkau publiknya.',
    website: null,
    visibility: 'public',
    verified: true,
  },
  {
    slug: 'red-andina-sostenibilidad',
    name: 'Red Andina de Sostenibilidad Organizativa',
    country: 'PE',
    city: 'Lima',
    languages: ['es', 'qu'],
    themes: ['financial-resilience', 'governance'],
    description:
      'A Peruvian network that accompanies grassroots organisations in planning their finances. / Red peruana que acompaña a organizaciones de base en la planificación financiera.',
    website: null,
    visibility: 'public',
    verified: false,
  },
  {
    slug: 'colectivo-wayna',
    name: 'Colectivo Wayna Comunicación',
    country: 'BO',
    city: 'La Paz',
    languages: ['es', 'ay'],
    themes: ['communications', 'advocacy'],
    description:
      'Youth-led community communications collective in La Paz and El Alto. / Colectivo juvenil de comunicación comunitaria en La Paz y El Alto.',
    website: null,
    visibility: 'public',
    verified: false,
  },
  {
    slug: 'fundacion-tejiendo-futuro',
    name: 'Fundación Tejiendo Futuro',
    country: 'EC',
    city: 'Quito',
    languages: ['es', 'qu'],
    themes: ['collective-care', 'digital-security'],
    description:
      'Works on the well-being and safety of women human-rights defenders. / Trabaja por el bienestar y la seguridad de defensoras de derechos humanos.',
    website: null,
    visibility: 'public',
    verified: false,
  },
  {
    slug: 'corporacion-raices-del-sur',
    name: 'Corporación Raíces del Sur',
    country: 'CO',
    city: 'Bogotá',
    languages: ['es'],
    themes: ['advocacy', 'constituency-building'],
    description:
      'A Colombian CSO that only shares its profile with signed-in members. / Una OSC colombiana que comparte su perfil solo con miembros.',
    website: null,
    visibility: 'members',
    verified: false,
  },
];

interface DemoHub {
  slug: string;
  name: string;
  host: string;
  region: string;
  alliance: string | null;
  city: string;
  country: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  themes: string[];
  partners: string[];
  services: string[];
  deliveryModes: ('online' | 'hybrid' | 'offline')[];
  joinPolicy: 'open' | 'by_request';
  stage: number;
  description: string;
}

export const DEMO_HUBS: DemoHub[] = [
  {
    slug: 're-search',
    name: 'Re.Search',
    host: 'plus',
    region: 'southeast-asia',
    alliance: 'jalin-tenggara',
    city: 'Bogor',
    country: 'ID',
    latitude: -6.5971,
    longitude: 106.806,
    timeZone: 'Asia/Jakarta',
    themes: ['financial-resilience'],
    partners: ['yayasan-kehati'],
    services: ['Financial health check', 'Income diversification coaching', 'Peer learning circles'],
    deliveryModes: ['online', 'hybrid'],
    joinPolicy: 'by_request',
    stage: 3,
    description:
      'A financial-resilience hub: research and coaching so CSOs can diversify funding beyond donors. / Hub ketahanan finansial: riset dan pendampingan agar OMS dapat mendiversifikasi pendanaan di luar donor.',
  },
  {
    slug: 'ananta-fund',
    name: 'Ananta Fund',
    host: 'yayasan-kehati',
    region: 'southeast-asia',
    alliance: 'jalin-tenggara',
    city: 'Jakarta',
    country: 'ID',
    latitude: -6.2297,
    longitude: 106.8295,
    timeZone: 'Asia/Jakarta',
    themes: ['financial-resilience', 'governance'],
    partners: ['plus'],
    services: ['Endowment and trust-fund advice', 'Small grants'],
    deliveryModes: ['hybrid', 'offline'],
    joinPolicy: 'open',
    stage: 2,
    description:
      'Builds long-term funds for CSOs, with governance that keeps them accountable. / Membangun dana abadi bagi OMS, dengan tata kelola yang akuntabel.',
  },
  {
    slug: 'reach',
    name: 'REACH — Communications Resource Hub for Advancing Social Change',
    host: 'roemah-inspirit',
    region: 'southeast-asia',
    alliance: 'jalin-tenggara',
    city: 'Jakarta',
    country: 'ID',
    latitude: -6.2615,
    longitude: 106.781,
    timeZone: 'Asia/Jakarta',
    themes: ['communications', 'strategic-relevance'],
    partners: [],
    services: ['Communication strategy clinics', 'Storytelling workshops', 'Media training'],
    deliveryModes: ['online', 'hybrid', 'offline'],
    joinPolicy: 'open',
    stage: 4,
    description:
      'Communications resources so CSOs stay relevant to the people they serve. / Sumber daya komunikasi agar OMS tetap relevan bagi masyarakat yang dilayani.',
  },
  {
    slug: 'fondo-comun-andino',
    name: 'Fondo Común Andino',
    host: 'red-andina-sostenibilidad',
    region: 'andean-region',
    alliance: 'enlaza-sur',
    city: 'Lima',
    country: 'PE',
    latitude: -12.0464,
    longitude: -77.0428,
    timeZone: 'America/Lima',
    themes: ['financial-resilience'],
    partners: ['colectivo-wayna', 'corporacion-raices-del-sur'],
    services: ['Financial planning workshops', 'Community savings groups'],
    deliveryModes: ['online', 'hybrid'],
    joinPolicy: 'open',
    stage: 2,
    description:
      'Financial-resilience hub for grassroots organisations in Peru and the Andes. / Hub de resiliencia financiera para organizaciones de base del Perú y los Andes.',
  },
  {
    slug: 'voces-andinas',
    name: 'Voces Andinas',
    host: 'colectivo-wayna',
    region: 'andean-region',
    alliance: 'enlaza-sur',
    city: 'La Paz',
    country: 'BO',
    latitude: -16.4897,
    longitude: -68.1193,
    timeZone: 'America/La_Paz',
    themes: ['communications', 'advocacy'],
    partners: [],
    services: ['Community radio training', 'Campaign design'],
    deliveryModes: ['offline', 'hybrid'],
    joinPolicy: 'open',
    stage: 1,
    description:
      'Communications and advocacy hub for Andean organisations. / Hub de comunicación e incidencia para organizaciones andinas.',
  },
  {
    slug: 'cuidado-colectivo-quito',
    name: 'Cuidado Colectivo Quito',
    host: 'fundacion-tejiendo-futuro',
    region: 'andean-region',
    alliance: 'enlaza-sur',
    city: 'Quito',
    country: 'EC',
    latitude: -0.1807,
    longitude: -78.4678,
    timeZone: 'America/Guayaquil',
    themes: ['collective-care', 'digital-security'],
    partners: ['fundacion-tejiendo-futuro'],
    services: ['Protection protocols', 'Digital security accompaniment', 'Collective care retreats'],
    deliveryModes: ['offline'],
    joinPolicy: 'by_request',
    stage: 1,
    description:
      'Wellness and safety hub for defenders at risk. / Hub de bienestar y seguridad para defensoras en riesgo.',
  },
];

interface DemoMembership {
  email: string;
  hubs?: [string, Role][];
  organisations?: [string, Role][];
  profile: { pronouns?: string; bio: string; languages: string[]; themes: string[]; visibility: DirectoryVisibility };
}

export const DEMO_MEMBERSHIPS: DemoMembership[] = [
  {
    email: 'dewi@anyam.test',
    hubs: [['re-search', Role.Coordinator]],
    organisations: [['plus', Role.Coordinator]],
    profile: {
      pronouns: 'she/her',
      bio: 'Coordinates the Re.Search financial-resilience hub. / Koordinator hub Re.Search.',
      languages: ['id', 'en'],
      themes: ['financial-resilience'],
      visibility: 'members',
    },
  },
  {
    email: 'sari@anyam.test',
    hubs: [
      ['re-search', Role.Member],
      ['reach', Role.Facilitator],
    ],
    organisations: [['roemah-inspirit', Role.Member]],
    profile: { bio: 'Communications officer.', languages: ['id'], themes: ['communications'], visibility: 'hubs' },
  },
  {
    email: 'lucia@anyam.test',
    hubs: [['fondo-comun-andino', Role.Coordinator]],
    organisations: [['red-andina-sostenibilidad', Role.Coordinator]],
    profile: {
      pronouns: 'ella',
      bio: 'Coordina el Fondo Común Andino. / Coordinates the Fondo Común Andino hub.',
      languages: ['es', 'qu', 'en'],
      themes: ['financial-resilience'],
      visibility: 'members',
    },
  },
  {
    email: 'mateo@anyam.test',
    hubs: [
      ['voces-andinas', Role.Coordinator],
      ['fondo-comun-andino', Role.Member],
    ],
    organisations: [['colectivo-wayna', Role.Member]],
    profile: { bio: '', languages: ['es', 'ay'], themes: ['communications'], visibility: 'hidden' },
  },
  {
    email: 'ana@anyam.test',
    hubs: [['cuidado-colectivo-quito', Role.Member]],
    profile: { bio: '', languages: ['pt', 'es'], themes: ['collective-care'], visibility: 'hidden' },
  },
];

/** Inserts the demo community inside the demo-data transaction. `memberIds` maps demo e-mails to ids. */
export async function seedDemoCommunity(tx: EntityManager, memberIds: Map<string, string>): Promise<{ hubs: number; organisations: number }> {
  const regionIds = new Map<string, string>();
  for (const r of DEMO_REGIONS) {
    const row = await tx.getRepository(RegionEntity).save(tx.getRepository(RegionEntity).create(r));
    regionIds.set(r.slug, row.id);
  }
  const allianceIds = new Map<string, string>();
  for (const a of DEMO_ALLIANCES) {
    const { region, ...rest } = a;
    const row = await tx.getRepository(AllianceEntity).save(tx.getRepository(AllianceEntity).create({ ...rest, regionId: regionIds.get(region)! }));
    allianceIds.set(a.slug, row.id);
  }
  const organisationIds = new Map<string, string>();
  for (const o of DEMO_ORGANISATIONS) {
    const { themes, ...rest } = o;
    const row = await tx.getRepository(OrganisationEntity).save(tx.getRepository(OrganisationEntity).create(rest));
    organisationIds.set(o.slug, row.id);
    for (const theme of themes) await tx.query(`INSERT INTO organisation_themes (organisation_id, theme_key) VALUES ($1, $2)`, [row.id, theme]);
  }
  const hubIds = new Map<string, string>();
  for (const h of DEMO_HUBS) {
    const { host, region, alliance, themes, partners, ...rest } = h;
    const row = await tx.getRepository(HubEntity).save(
      tx.getRepository(HubEntity).create({
        ...rest,
        hostOrganisationId: organisationIds.get(host)!,
        regionId: regionIds.get(region)!,
        allianceId: alliance ? allianceIds.get(alliance)! : null,
        workingHoursStart: '09:00',
        workingHoursEnd: '17:00',
        workingDays: [1, 2, 3, 4, 5],
        visibility: 'public',
      }),
    );
    hubIds.set(h.slug, row.id);
    for (const theme of themes) await tx.query(`INSERT INTO hub_themes (hub_id, theme_key) VALUES ($1, $2)`, [row.id, theme]);
    for (const p of partners) await tx.query(`INSERT INTO hub_partners (hub_id, organisation_id) VALUES ($1, $2)`, [row.id, organisationIds.get(p)]);
  }
  for (const m of DEMO_MEMBERSHIPS) {
    const memberId = memberIds.get(m.email);
    if (!memberId) continue;
    const grants = tx.getRepository(RoleGrantEntity);
    for (const [hub, role] of m.hubs ?? []) await grants.insert({ memberId, role, scope: RoleScope.Hub, scopeId: hubIds.get(hub)! });
    for (const [org, role] of m.organisations ?? []) await grants.insert({ memberId, role, scope: RoleScope.Organisation, scopeId: organisationIds.get(org)! });
    await tx.getRepository(MemberProfileEntity).insert({
      memberId,
      pronouns: m.profile.pronouns ?? null,
      bio: m.profile.bio,
      languages: m.profile.languages,
      themeKeys: m.profile.themes,
      directoryVisibility: m.profile.visibility,
    });
  }
  return { hubs: DEMO_HUBS.length, organisations: DEMO_ORGANISATIONS.length };
}
