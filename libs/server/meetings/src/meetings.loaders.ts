import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { Actor, isMember, LoaderFactory } from '@anyam/server/core';
import { RsvpEntity } from './entities/rsvp.entity';
import { AttendanceEntity } from './entities/attendance.entity';
import { OccurrenceNotesEntity } from './entities/occurrence-notes.entity';
import { ActionItemEntity } from './entities/action-item.entity';
import { MeetingsRepository } from './meetings.repository';

export interface OccurrenceKey {
  seriesId: string;
  occurrenceStart: Date;
}

export interface MeetingsLoaders {
  /** Seats taken per mode in one occurrence; one query per batch. */
  seatsTaken: DataLoader<OccurrenceKey, { inPerson: number; online: number }, string>;
  /** The viewer's answers in a series (per occurrence and whole series), with waitlist rank. */
  viewerRsvps: DataLoader<string, (RsvpEntity & { rank: number | null })[]>;
  /** Recorded attendance of one occurrence (callers check the viewer may edit the series). */
  attendance: DataLoader<OccurrenceKey, AttendanceEntity[], string>;
  /** Agenda and minutes of one occurrence (callers check the viewer may see the series). */
  notes: DataLoader<OccurrenceKey, OccurrenceNotesEntity | null, string>;
  /** Invitations of a series, oldest first, with the invitee's name (callers check the viewer organises it). */
  invitees: DataLoader<string, { memberId: string; name: string; invitedAt: Date }[]>;
  /** Action items of one occurrence, oldest first. */
  actionItems: DataLoader<OccurrenceKey, ActionItemEntity[], string>;
}

const keyOf = (k: OccurrenceKey) => `${k.seriesId}|${k.occurrenceStart.toISOString()}`;

@Injectable()
export class MeetingsLoaderFactory implements LoaderFactory<MeetingsLoaders> {
  constructor(private readonly repo: MeetingsRepository) {}

  createLoaders(actor: Actor): MeetingsLoaders {
    return {
      seatsTaken: new DataLoader(
        async (keys) => {
          const rows = await this.repo.seatsTaken(keys);
          const map = new Map<string, { inPerson: number; online: number }>();
          for (const r of rows) {
            const k = keyOf(r);
            const v = map.get(k) ?? { inPerson: 0, online: 0 };
            if (r.response === 'going_in_person') v.inPerson += r.n;
            else v.online += r.n;
            map.set(k, v);
          }
          return keys.map((k) => map.get(keyOf(k)) ?? { inPerson: 0, online: 0 });
        },
        { cacheKeyFn: keyOf },
      ),
      viewerRsvps: new DataLoader(async (seriesIds) => {
        if (!isMember(actor)) return seriesIds.map(() => []);
        const rows = await this.repo.rsvpsOf(actor.memberId, seriesIds);
        return seriesIds.map((id) => rows.filter((r) => r.seriesId === id));
      }),
      attendance: new DataLoader(
        async (keys) => {
          const rows = await this.repo.db
            .getRepository(AttendanceEntity)
            .createQueryBuilder('a')
            .where('(a.series_id, a.occurrence_start) IN (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:starts AS timestamptz[])))', {
              ids: keys.map((k) => k.seriesId),
              starts: keys.map((k) => k.occurrenceStart.toISOString()),
            })
            .orderBy('a.member_id')
            .getMany();
          return keys.map((k) => rows.filter((r) => keyOf(r) === keyOf(k)));
        },
        { cacheKeyFn: keyOf },
      ),
      notes: new DataLoader(
        async (keys) => {
          const rows = await this.repo.db
            .getRepository(OccurrenceNotesEntity)
            .createQueryBuilder('n')
            .where('(n.series_id, n.occurrence_start) IN (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:starts AS timestamptz[])))', {
              ids: keys.map((k) => k.seriesId),
              starts: keys.map((k) => k.occurrenceStart.toISOString()),
            })
            .getMany();
          return keys.map((k) => rows.find((r) => keyOf(r) === keyOf(k)) ?? null);
        },
        { cacheKeyFn: keyOf },
      ),
      invitees: new DataLoader(async (seriesIds) => {
        const rows: { series_id: string; member_id: string; name: string; created_at: Date }[] = await this.repo.db.query(
          `SELECT i.series_id, i.member_id, m.name, i.created_at FROM meeting_invitations i JOIN members m ON m.id = i.member_id
            WHERE i.series_id = ANY($1::uuid[]) ORDER BY i.created_at, m.name`,
          [[...seriesIds]],
        );
        return seriesIds.map((id) => rows.filter((r) => r.series_id === id).map((r) => ({ memberId: r.member_id, name: r.name, invitedAt: new Date(r.created_at) })));
      }),
      actionItems: new DataLoader(
        async (keys) => {
          const rows = await this.repo.db
            .getRepository(ActionItemEntity)
            .createQueryBuilder('ai')
            .where('(ai.series_id, ai.occurrence_start) IN (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:starts AS timestamptz[])))', {
              ids: keys.map((k) => k.seriesId),
              starts: keys.map((k) => k.occurrenceStart.toISOString()),
            })
            .orderBy('ai.created_at')
            .addOrderBy('ai.id')
            .getMany();
          return keys.map((k) => rows.filter((r) => keyOf(r) === keyOf(k)));
        },
        { cacheKeyFn: keyOf },
      ),
    };
  }
}
