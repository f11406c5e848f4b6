import { EntityManager, In } from 'typeorm';
import { HubEntity } from '@anyam/server/community';
import { MeetingSeriesEntity, seriesBounds } from '@anyam/server/meetings';

interface DemoSeries {
  title: string;
  description: string;
  kind: MeetingSeriesEntity['kind'];
  organisingHub: string;
  otherHubs: string[];
  organiser: string;
  timeZone: string;
  startLocal: string;
  durationMinutes: number;
  rrule: string | null;
  mode: MeetingSeriesEntity['mode'];
  place: string | null;
  onlineUrl: string | null;
  capacityInPerson: number | null;
  capacityOnline: number | null;
  visibility: MeetingSeriesEntity['visibility'];
}

/** The monthly regional meeting of each alliance, and one inter-hub meeting between them. */
export const DEMO_MEETINGS: DemoSeries[] = [
  {
    title: 'Jalin Tenggara monthly hub meeting / Pertemuan bulanan hub Jalin Tenggara',
    description: 'Every second Tuesday at 09:00 Jakarta time: news from each hub, one shared problem, next steps.',
    kind: 'regional',
    organisingHub: 're-search',
    otherHubs: ['ananta-fund', 'reach'],
    organiser: 'dewi@anyam.test',
    timeZone: 'Asia/Jakarta',
    startLocal: '2026-01-13T09:00:00',
    durationMinutes: 90,
    rrule: 'FREQ=MONTHLY;BYDAY=2TU',
    mode: 'hybrid',
    place: 'PLUS office, Surabaya',
    onlineUrl: 'https://meet.example.org/jalin-tenggara-monthly',
    capacityInPerson: 20,
    capacityOnline: 100,
    visibility: 'public',
  },
  {
    title: 'Enlaza Sur reunión mensual de hubs / monthly hub meeting',
    description: 'Primer jueves de cada mes a las 09:00 hora de Lima. First Thursday of each month, 09:00 Lima time.',
    kind: 'regional',
    organisingHub: 'fondo-comun-andino',
    otherHubs: ['voces-andinas', 'cuidado-colectivo-quito'],
    organiser: 'lucia@anyam.test',
    timeZone: 'America/Lima',
    startLocal: '2026-01-01T09:00:00',
    durationMinutes: 90,
    rrule: 'FREQ=MONTHLY;BYDAY=1TH',
    mode: 'online',
    place: null,
    onlineUrl: 'https://meet.example.org/enlaza-sur-mensual',
    capacityInPerson: null,
    capacityOnline: 80,
    visibility: 'public',
  },
  {
    title: 'Inter-hub: financial resilience, Re.Search × Fondo Común Andino',
    description: 'Quarterly exchange between the financial-resilience hubs. 20:00 Jakarta is 08:00 Lima.',
    kind: 'inter_hub',
    organisingHub: 're-search',
    otherHubs: ['fondo-comun-andino'],
    organiser: 'dewi@anyam.test',
    timeZone: 'Asia/Jakarta',
    startLocal: '2026-01-21T20:00:00',
    durationMinutes: 60,
    rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=3WE',
    mode: 'online',
    place: null,
    onlineUrl: 'https://meet.example.org/re-search-fondo-comun',
    capacityInPerson: null,
    capacityOnline: 40,
    visibility: 'hubs',
  },
];

/** Inserts the demo meetings inside the demo-data transaction (after the demo community). */
export async function seedDemoMeetings(tx: EntityManager, memberIds: Map<string, string>): Promise<number> {
  const slugs = [...new Set(DEMO_MEETINGS.flatMap((m) => [m.organisingHub, ...m.otherHubs]))];
  const hubs = new Map((await tx.getRepository(HubEntity).findBy({ slug: In(slugs) })).map((h) => [h.slug, h]));
  for (const m of DEMO_MEETINGS) {
    const hub = hubs.get(m.organisingHub)!;
    const bounds = seriesBounds({ timeZone: m.timeZone, startLocal: m.startLocal, durationMinutes: m.durationMinutes, rrule: m.rrule });
    const { organisingHub, otherHubs, organiser, ...fields } = m;
    const series = await tx.getRepository(MeetingSeriesEntity).save(
      tx.getRepository(MeetingSeriesEntity).create({
        ...fields,
        organisingHubId: hub.id,
        regionId: hub.regionId,
        createdBy: memberIds.get(organiser)!,
        firstStart: bounds.firstStart,
        lastEnd: bounds.lastStart ? new Date(bounds.lastStart.getTime() + m.durationMinutes * 60_000) : null,
        sequence: 0,
      }),
    );
    const hubIds = [organisingHub, ...otherHubs].map((s) => hubs.get(s)!.id);
    await tx.query(`INSERT INTO meeting_series_hubs (series_id, hub_id) SELECT $1, unnest($2::uuid[])`, [series.id, hubIds]);
  }
  return DEMO_MEETINGS.length;
}
