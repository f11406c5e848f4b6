import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Actor, isAdmin, isMember } from '@anyam/server/core';
import { MeetingSeriesEntity } from './entities/meeting-series.entity';
import { MeetingSeriesHubEntity } from './entities/meeting-series-hub.entity';
import { OccurrenceOverrideEntity } from './entities/occurrence-override.entity';
import { RsvpEntity } from './entities/rsvp.entity';
import { NO_HUBS, ViewerHubs } from './meetings.policy';

const MEMBERSHIP_ROLES_SQL = `('member','facilitator','coordinator')`;

export interface SeatRow {
  seriesId: string;
  occurrenceStart: Date;
  response: 'going_in_person' | 'going_online';
  n: number;
}

@Injectable()
export class MeetingsRepository {
  constructor(@InjectDataSource() readonly db: DataSource) {}

  series(m: EntityManager = this.db.manager) {
    return m.getRepository(MeetingSeriesEntity);
  }
  overrides(m: EntityManager = this.db.manager) {
    return m.getRepository(OccurrenceOverrideEntity);
  }
  rsvps(m: EntityManager = this.db.manager) {
    return m.getRepository(RsvpEntity);
  }
  seriesHubs(m: EntityManager = this.db.manager) {
    return m.getRepository(MeetingSeriesHubEntity);
  }

  /** The viewer's hub memberships and coordinator roles, from role_grants (fresher than the token). */
  async viewerHubs(actor: Actor, m: EntityManager = this.db.manager): Promise<ViewerHubs> {
    if (!isMember(actor)) return NO_HUBS;
    const rows: { scope_id: string; role: string }[] = await m.query(
      `SELECT scope_id, role FROM role_grants WHERE member_id = $1 AND scope = 'hub' AND role IN ${MEMBERSHIP_ROLES_SQL}`,
      [actor.memberId],
    );
    const invited: { series_id: string }[] = await m.query(`SELECT series_id FROM meeting_invitations WHERE member_id = $1`, [actor.memberId]);
    return {
      memberOf: new Set(rows.map((r) => r.scope_id)),
      coordinates: new Set(rows.filter((r) => r.role === 'coordinator').map((r) => r.scope_id)),
      invitedTo: new Set(invited.map((r) => r.series_id)),
    };
  }

  /**
   * Visibility in SQL (the twin of `MeetingsPolicy.canSeeSeries`): public to everyone; hubs to members
   * of a participating hub (the organising hub is always one); invited to the invitees and the
   * coordinators of the organising hub; everything to admins.
   */
  visibleSeries(qb: SelectQueryBuilder<MeetingSeriesEntity>, actor: Actor, alias = 's'): SelectQueryBuilder<MeetingSeriesEntity> {
    if (isAdmin(actor)) return qb;
    if (!isMember(actor)) return qb.andWhere(`${alias}.visibility = 'public'`);
    return qb.andWhere(
      `(${alias}.visibility = 'public'
        OR EXISTS (SELECT 1 FROM role_grants vc WHERE vc.member_id = :visViewer AND vc.scope = 'hub' AND vc.role = 'coordinator'
                    AND vc.scope_id = ${alias}.organising_hub_id)
        OR (${alias}.visibility = 'hubs' AND EXISTS (
         SELECT 1 FROM meeting_series_hubs vsh
           JOIN role_grants vg ON vg.scope = 'hub' AND vg.scope_id = vsh.hub_id AND vg.role IN ${MEMBERSHIP_ROLES_SQL}
          WHERE vsh.series_id = ${alias}.id AND vg.member_id = :visViewer))
        OR (${alias}.visibility = 'invited' AND EXISTS (
         SELECT 1 FROM meeting_invitations vi WHERE vi.series_id = ${alias}.id AND vi.member_id = :visViewer)))`,
      { visViewer: actor.memberId },
    );
  }

  async hubIdsBySeries(seriesIds: readonly string[], m: EntityManager = this.db.manager): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(seriesIds.map((id) => [id, []]));
    if (seriesIds.length === 0) return map;
    for (const row of await this.seriesHubs(m).find({ where: { seriesId: In([...seriesIds]) }, order: { hubId: 'ASC' } })) {
      map.get(row.seriesId)?.push(row.hubId);
    }
    return map;
  }

  async overridesBySeries(seriesIds: readonly string[], m: EntityManager = this.db.manager): Promise<Map<string, OccurrenceOverrideEntity[]>> {
    const map = new Map<string, OccurrenceOverrideEntity[]>(seriesIds.map((id) => [id, []]));
    if (seriesIds.length === 0) return map;
    for (const row of await this.overrides(m).find({ where: { seriesId: In([...seriesIds]) } })) map.get(row.seriesId)?.push(row);
    return map;
  }

  /**
   * Seats taken per (series, occurrence, mode): an occurrence's own answers, plus whole-series answers of
   * members who did not answer for that occurrence. `exceptMember` leaves one member out (for admission).
   * One query for any number of keys.
   */
  async seatsTaken(keys: readonly { seriesId: string; occurrenceStart: Date }[], m: EntityManager = this.db.manager, exceptMember: string | null = null): Promise<SeatRow[]> {
    if (keys.length === 0) return [];
    const rows: { series_id: string; occ: Date; response: SeatRow['response']; n: number }[] = await m.query(
      `SELECT k.series_id, k.occ, r.response, count(*)::int AS n
         FROM unnest($1::uuid[], $2::timestamptz[]) AS k(series_id, occ)
         JOIN rsvps r ON r.series_id = k.series_id AND NOT r.waitlisted AND r.response IN ('going_in_person','going_online')
          AND ($3::uuid IS NULL OR r.member_id <> $3::uuid)
          AND (r.occurrence_start = k.occ OR (r.occurrence_start IS NULL AND NOT EXISTS (
                SELECT 1 FROM rsvps x WHERE x.series_id = r.series_id AND x.member_id = r.member_id AND x.occurrence_start = k.occ)))
        GROUP BY 1, 2, 3`,
      [keys.map((k) => k.seriesId), keys.map((k) => k.occurrenceStart.toISOString()), exceptMember],
    );
    return rows.map((r) => ({ seriesId: r.series_id, occurrenceStart: new Date(r.occ), response: r.response, n: r.n }));
  }

  /**
   * Of these members, those who may see the series now (the SQL twin of `canSeeSeries` for other people
   * than the viewer: reminders re-check it when they run).
   */
  async membersWhoMaySee(series: { id: string; visibility: string; organisingHubId: string }, memberIds: readonly string[], m: EntityManager = this.db.manager): Promise<Set<string>> {
    if (memberIds.length === 0) return new Set();
    if (series.visibility === 'public') return new Set(memberIds);
    const rows: { id: string }[] = await m.query(
      `SELECT mm.id FROM unnest($1::uuid[]) AS mm(id)
        WHERE EXISTS (SELECT 1 FROM role_grants a WHERE a.member_id = mm.id AND a.role = 'admin')
           OR EXISTS (SELECT 1 FROM role_grants c WHERE c.member_id = mm.id AND c.scope = 'hub' AND c.role = 'coordinator' AND c.scope_id = $3)
           OR ($2 = 'hubs' AND EXISTS (
                SELECT 1 FROM meeting_series_hubs sh JOIN role_grants g ON g.scope = 'hub' AND g.scope_id = sh.hub_id AND g.role IN ${MEMBERSHIP_ROLES_SQL}
                 WHERE sh.series_id = $4 AND g.member_id = mm.id))
           OR ($2 = 'invited' AND EXISTS (SELECT 1 FROM meeting_invitations i WHERE i.series_id = $4 AND i.member_id = mm.id))`,
      [[...memberIds], series.visibility, series.organisingHubId, series.id],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The viewer's answers in these series, with their waitlist rank (1 = next). */
  async rsvpsOf(memberId: string, seriesIds: readonly string[]): Promise<(RsvpEntity & { rank: number | null })[]> {
    if (seriesIds.length === 0) return [];
    const rows: { id: string; series_id: string; occurrence_start: Date | null; response: RsvpEntity['response']; waitlisted: boolean; rank: number | null }[] =
      await this.db.query(
        `SELECT r.id, r.series_id, r.occurrence_start, r.response, r.waitlisted,
                CASE WHEN r.waitlisted THEN (
                  SELECT count(*)::int FROM rsvps w
                   WHERE w.series_id = r.series_id AND w.occurrence_start IS NOT DISTINCT FROM r.occurrence_start
                     AND w.response = r.response AND w.waitlisted AND w.position <= r.position) END AS rank
           FROM rsvps r WHERE r.member_id = $1 AND r.series_id = ANY($2::uuid[])`,
        [memberId, [...seriesIds]],
      );
    return rows.map((r) =>
      Object.assign(new RsvpEntity(), {
        id: r.id,
        seriesId: r.series_id,
        occurrenceStart: r.occurrence_start ? new Date(r.occurrence_start) : null,
        memberId,
        response: r.response,
        waitlisted: r.waitlisted,
        rank: r.rank,
      }),
    );
  }
}
