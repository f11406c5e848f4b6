import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager, In, IsNull } from 'typeorm';
import { ForumRepository, ForumService } from '@anyam/server/forum';
import { Actor, AppConfig, AppError, isMember, MemberActor, decodeCursor, encodeCursor, pageSize, PageArgs, ConnectionShape } from '@anyam/server/core';
import { MemberEntity } from '@anyam/server/accounts';
import { HubEntity, RegionEntity } from '@anyam/server/community';
import { ErrorCode, isTimeZone } from '@anyam/shared/domain';
import { MeetingSeriesEntity } from './entities/meeting-series.entity';
import { OccurrenceOverrideEntity } from './entities/occurrence-override.entity';
import { RsvpEntity, RsvpResponse } from './entities/rsvp.entity';
import { AddActionItemInput, PublishMinutesInput, UpdateActionItemInput, CancelOccurrenceInput, CreateMeetingSeriesInput, MeetingFilter, RecordAttendanceInput, RescheduleOccurrenceInput, RsvpInput, SaveMinutesInput, SetAgendaInput, UpdateMeetingSeriesInput } from './graphql/meeting.input';
import { MeetingOccurrenceType, MeetingSeriesType, RsvpType } from './graphql/meeting.type';
import { ActionItemError, AttendanceError, InvitationError, MeetingsError, MinutesError, NotesError } from './meetings.errors';
import { meetingPath } from './meetings.mail';
import { ActionItemEntity } from './entities/action-item.entity';
import { AgendaItem, OccurrenceNotesEntity } from './entities/occurrence-notes.entity';
import { AttendanceEntity } from './entities/attendance.entity';
import { MeetingsPolicy, ViewerHubs } from './meetings.policy';
import { MeetingsRepository } from './meetings.repository';
import { Promotion, RemindersService } from './reminders.service';
import { toOccurrenceType, toRecurring, toRsvpType, toSeriesType } from './meeting.mapper';
import {
  expandOccurrences,
  isRuleStart,
  nextOccurrences,
  Occurrence,
  parseLocal,
  RecurrenceError,
  RecurringSeries,
  seriesBounds,
  validateRrule,
} from './occurrences';

const DAY = 86_400_000;
const MAX_WINDOW_DAYS = 400;
const MAX_DURATION = 7 * 24 * 60;
const TITLE_MAX = 160;
const DESCRIPTION_MAX = 20_000;
/** A whole-series seat must be free in this many upcoming meetings. */
const WHOLE_SERIES_HORIZON = 12;
const INVITEES_MAX = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GOING: readonly RsvpResponse[] = ['going_in_person', 'going_online'];

type Mode = 'going_in_person' | 'going_online';

function capacityFor(series: MeetingSeriesEntity, mode: Mode): number | null {
  if (mode === 'going_in_person') return series.mode === 'online' ? 0 : series.capacityInPerson;
  return series.mode === 'in_person' ? 0 : series.capacityOnline;
}

/** The member's effective answer (for this occurrence, else for the whole series) is going or maybe. */
function attends(answers: RsvpEntity[], o: { seriesId: string; originalStart: Date }): boolean {
  const r =
    answers.find((x) => x.seriesId === o.seriesId && x.occurrenceStart?.getTime() === o.originalStart.getTime()) ??
    answers.find((x) => x.seriesId === o.seriesId && x.occurrenceStart === null);
  return r !== undefined && r.response !== 'not_going';
}

function recurrenceToBadInput(e: unknown): never {
  if (e instanceof RecurrenceError) throw AppError.badInput(e.field, e.reason, e.message);
  throw e;
}

@Injectable()
export class MeetingsService {
  constructor(
    private readonly repo: MeetingsRepository,
    private readonly reminders: RemindersService,
    private readonly forum: ForumService,
    private readonly forumRepo: ForumRepository,
    private readonly config: AppConfig,
  ) {}

  // ---- reads --------------------------------------------------------------------------------------

  async seriesById(actor: Actor, id: string): Promise<{ series: MeetingSeriesEntity; hubIds: string[]; viewer: ViewerHubs }> {
    const series = await this.repo.visibleSeries(this.repo.series().createQueryBuilder('s'), actor).andWhere('s.id = :id', { id }).getOne();
    if (!series) throw MeetingsError.seriesNotFound();
    const [hubIds, viewer] = await Promise.all([this.repo.hubIdsBySeries([id]), this.repo.viewerHubs(actor)]);
    return { series, hubIds: hubIds.get(id) ?? [], viewer };
  }

  async seriesType(actor: Actor, id: string): Promise<MeetingSeriesType> {
    const { series, hubIds, viewer } = await this.seriesById(actor, id);
    return toSeriesType(series, hubIds, actor, viewer);
  }

  async nextOccurrences(actor: Actor, seriesId: string, count: number): Promise<MeetingOccurrenceType[]> {
    if (!Number.isInteger(count) || count < 1 || count > 50) throw MeetingsError.count();
    const { series, hubIds, viewer } = await this.seriesById(actor, seriesId);
    const overrides = (await this.repo.overridesBySeries([seriesId])).get(seriesId) ?? [];
    return nextOccurrences(toRecurring(series), overrides, new Date(), count).map((o) => toOccurrenceType(series, o, hubIds, actor, viewer));
  }

  /** One occurrence by its original start, or by the start it was moved to. */
  async occurrence(actor: Actor, seriesId: string, start: Date): Promise<MeetingOccurrenceType> {
    const { series, hubIds, viewer } = await this.seriesById(actor, seriesId);
    const overrides = (await this.repo.overridesBySeries([seriesId])).get(seriesId) ?? [];
    const o = this.findOccurrence(series, overrides, start, 'start');
    return toOccurrenceType(series, o, hubIds, actor, viewer);
  }

  private findOccurrence(series: MeetingSeriesEntity, overrides: OccurrenceOverrideEntity[], start: Date, field: string): Occurrence {
    const t = start.getTime();
    const moved = overrides.find((o) => o.newStart?.getTime() === t && !o.cancelled);
    const original = moved ? moved.originalStart : start;
    if (!isRuleStart(toRecurring(series), original)) throw MeetingsError.notAnOccurrence(field);
    const [o] = expandOccurrences(toRecurring(series), overrides.filter((x) => x.originalStart.getTime() === original.getTime()), new Date(original.getTime()), new Date(original.getTime() + 1), { includeCancelled: true });
    if (o) return o;
    // Moved away from its original start: look it up at the new start.
    const ov = overrides.find((x) => x.originalStart.getTime() === original.getTime())!;
    const ns = ov.newStart!;
    return expandOccurrences(toRecurring(series), [ov], new Date(ns.getTime()), new Date(ns.getTime() + 1), { includeCancelled: true })[0];
  }

  /** Occurrences in [from, to) of the series the viewer may see, by start; keyset-paginated. */
  async meetings(actor: Actor, filter: MeetingFilter, page: PageArgs): Promise<ConnectionShape<MeetingOccurrenceType>> {
    const size = pageSize(page.first);
    const { from, to } = this.window(filter.from ?? null, filter.to ?? null);
    const qb = this.repo.visibleSeries(this.repo.series().createQueryBuilder('s'), actor)
      .andWhere('s.first_start < :to', { to })
      .andWhere('(s.last_end IS NULL OR s.last_end > :from)', { from });
    if (filter.regionId) qb.andWhere('s.region_id = :regionId', { regionId: filter.regionId });
    if (filter.kind) qb.andWhere('s.kind = :kind', { kind: filter.kind });
    if (filter.hubId) qb.andWhere('EXISTS (SELECT 1 FROM meeting_series_hubs fh WHERE fh.series_id = s.id AND fh.hub_id = :hubId)', { hubId: filter.hubId });
    let answers: RsvpEntity[] | null = null;
    if (filter.attending) {
      if (!isMember(actor)) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
      qb.andWhere('EXISTS (SELECT 1 FROM rsvps fr WHERE fr.series_id = s.id AND fr.member_id = :me)', { me: actor.memberId });
      answers = await this.repo.rsvps().find({ where: { memberId: actor.memberId } });
    }
    let list = await this.expand(actor, await qb.getMany(), from, to);
    if (answers) list = list.filter((o) => attends(answers!, o));
    let rest = list;
    if (page.after) {
      const [start, seriesId, original] = decodeCursor(page.after, 3) as [string, string, string];
      const key = [start, seriesId, original].join('|');
      rest = list.filter((x) => [x.start.toISOString(), x.seriesId, x.originalStart.toISOString()].join('|') > key);
    }
    const pageItems = rest.slice(0, size);
    const edges = pageItems.map((node) => ({ cursor: encodeCursor([node.start.toISOString(), node.seriesId, node.originalStart.toISOString()]), node }));
    return { edges, pageInfo: { hasNextPage: rest.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** Meetings in [from, to) the member answered going or maybe to (per meeting or for the whole series). */
  async myMeetings(actor: MemberActor, fromArg: Date | null, toArg: Date | null): Promise<MeetingOccurrenceType[]> {
    const { from, to } = this.window(fromArg, toArg);
    const mine = await this.repo.rsvps().find({ where: { memberId: actor.memberId } });
    const seriesIds = [...new Set(mine.map((r) => r.seriesId))];
    if (seriesIds.length === 0) return [];
    const series = await this.repo.visibleSeries(this.repo.series().createQueryBuilder('s'), actor).andWhere('s.id IN (:...seriesIds)', { seriesIds }).getMany();
    return (await this.expand(actor, series, from, to)).filter((o) => attends(mine, o));
  }

  private window(from: Date | null, to: Date | null): { from: Date; to: Date } {
    const f = from ?? new Date();
    const t = to ?? new Date(f.getTime() + 31 * DAY);
    if (t <= f || t.getTime() - f.getTime() > MAX_WINDOW_DAYS * DAY) throw MeetingsError.window();
    return { from: f, to: t };
  }

  private async expand(actor: Actor, series: MeetingSeriesEntity[], from: Date, to: Date): Promise<MeetingOccurrenceType[]> {
    const ids = series.map((s) => s.id);
    const [hubIds, overrides, viewer] = await Promise.all([this.repo.hubIdsBySeries(ids), this.repo.overridesBySeries(ids), this.repo.viewerHubs(actor)]);
    const result: MeetingOccurrenceType[] = [];
    for (const s of series) {
      for (const o of expandOccurrences(toRecurring(s), overrides.get(s.id) ?? [], from, to)) {
        result.push(toOccurrenceType(s, o, hubIds.get(s.id) ?? [], actor, viewer));
      }
    }
    return result.sort(
      (a, b) =>
        a.start.getTime() - b.start.getTime() || a.seriesId.localeCompare(b.seriesId) || a.originalStart.getTime() - b.originalStart.getTime(),
    );
  }

  // ---- writes -------------------------------------------------------------------------------------

  async create(actor: MemberActor, input: CreateMeetingSeriesInput): Promise<MeetingSeriesType> {
    const saved = await this.repo.db.transaction(async (tx) => {
      const viewer = await this.repo.viewerHubs(actor, tx);
      const hub = await tx.getRepository(HubEntity).findOneBy({ id: input.organisingHubId });
      if (!hub) throw MeetingsError.hubUnknown('organisingHubId');
      MeetingsPolicy.assertCanCreateFor(actor, hub.id, viewer);
      const regionId = input.regionId ?? hub.regionId;
      if (!(await tx.getRepository(RegionEntity).existsBy({ id: regionId }))) throw MeetingsError.regionUnknown();
      const hubIds = await this.checkHubs(tx, [hub.id, ...(input.participatingHubIds ?? [])]);
      const entity = tx.getRepository(MeetingSeriesEntity).create({
        title: input.title,
        description: input.description ?? '',
        kind: input.kind,
        organisingHubId: hub.id,
        regionId,
        timeZone: input.timeZone,
        startLocal: input.startLocal,
        durationMinutes: input.durationMinutes,
        rrule: input.rrule?.trim() ? input.rrule : null,
        mode: input.mode,
        place: input.place?.trim() || null,
        onlineUrl: input.onlineUrl?.trim() || null,
        capacityInPerson: input.capacityInPerson ?? null,
        capacityOnline: input.capacityOnline ?? null,
        visibility: input.visibility ?? 'public',
        createdBy: actor.memberId,
        sequence: 0,
      });
      this.validate(entity);
      const row = await tx.getRepository(MeetingSeriesEntity).save(entity);
      await this.setHubs(tx, row.id, hubIds);
      return row;
    });
    return this.seriesType(actor, saved.id);
  }

  async update(actor: MemberActor, input: UpdateMeetingSeriesInput): Promise<MeetingSeriesType> {
    const told = await this.repo.db.transaction(async (tx) => {
      const series = await this.lockSeries(tx, actor, input.id);
      const viewer = await this.repo.viewerHubs(actor, tx);
      MeetingsPolicy.assertCanEditSeries(actor, series, viewer);
      const set = <K extends keyof MeetingSeriesEntity>(key: K, value: MeetingSeriesEntity[K] | undefined) => {
        if (value !== undefined) series[key] = value;
      };
      if (input.title !== undefined && input.title !== null) set('title', input.title);
      if (input.description !== undefined && input.description !== null) set('description', input.description);
      if (input.kind) set('kind', input.kind);
      if (input.timeZone !== undefined && input.timeZone !== null) set('timeZone', input.timeZone);
      if (input.startLocal !== undefined && input.startLocal !== null) set('startLocal', input.startLocal);
      if (input.durationMinutes !== undefined && input.durationMinutes !== null) set('durationMinutes', input.durationMinutes);
      if (input.rrule !== undefined) set('rrule', input.rrule?.trim() ? input.rrule : null);
      if (input.mode) set('mode', input.mode);
      if (input.place !== undefined) set('place', input.place?.trim() || null);
      if (input.onlineUrl !== undefined) set('onlineUrl', input.onlineUrl?.trim() || null);
      const cap = (v: number | null | undefined, current: number | null) => (v === undefined || v === null ? current : v === -1 ? null : v);
      series.capacityInPerson = cap(input.capacityInPerson, series.capacityInPerson);
      series.capacityOnline = cap(input.capacityOnline, series.capacityOnline);
      if (input.visibility) set('visibility', input.visibility);
      this.validate(series);
      const overrides = await tx.getRepository(OccurrenceOverrideEntity).findBy({ seriesId: series.id });
      await this.assertCapacityAboveRsvps(tx, series, overrides);
      this.widenBounds(series, overrides);
      series.sequence += 1;
      await tx.getRepository(MeetingSeriesEntity).save(series);
      if (input.participatingHubIds) await this.setHubs(tx, series.id, await this.checkHubs(tx, [series.organisingHubId, ...input.participatingHubIds]));
      if (series.visibility !== 'public' && (input.visibility || input.participatingHubIds)) await this.dropAnswersOfThoseWhoCannotSee(tx, series);
      const pending = await this.reminders.announcePromotions(tx, await this.promoteEverywhere(tx, series));
      await this.reminders.replanSeries(tx, series.id);
      return pending;
    });
    await told.publish();
    return this.seriesType(actor, input.id);
  }

  async cancelOccurrence(actor: MemberActor, input: CancelOccurrenceInput): Promise<MeetingOccurrenceType> {
    await this.override(actor, input.seriesId, input.occurrenceStart, (o) => {
      o.cancelled = true;
      o.note = input.note?.trim() || o.note;
    });
    const { series, hubIds, viewer } = await this.seriesById(actor, input.seriesId);
    const overrides = (await this.repo.overridesBySeries([series.id])).get(series.id) ?? [];
    const ov = overrides.find((o) => o.originalStart.getTime() === input.occurrenceStart.getTime())!;
    const start = ov.newStart ?? ov.originalStart;
    const [o] = expandOccurrences(toRecurring(series), [ov], new Date(start.getTime()), new Date(start.getTime() + 1), { includeCancelled: true });
    return toOccurrenceType(series, o, hubIds, actor, viewer);
  }

  async rescheduleOccurrence(actor: MemberActor, input: RescheduleOccurrenceInput): Promise<MeetingOccurrenceType> {
    if (input.newEnd <= input.newStart) throw MeetingsError.endBeforeStart('newEnd');
    const minutes = Math.round((input.newEnd.getTime() - input.newStart.getTime()) / 60_000);
    if (minutes < 1 || minutes > MAX_DURATION) throw MeetingsError.duration('newEnd');
    await this.override(actor, input.seriesId, input.occurrenceStart, (o) => {
      o.cancelled = false;
      o.newStart = input.newStart;
      o.newDurationMinutes = minutes;
      o.note = input.note?.trim() || o.note;
    });
    return this.occurrence(actor, input.seriesId, input.newStart);
  }

  private async override(actor: MemberActor, seriesId: string, originalStart: Date, change: (o: OccurrenceOverrideEntity) => void): Promise<void> {
    await this.repo.db.transaction(async (tx) => {
      const series = await this.lockSeries(tx, actor, seriesId);
      MeetingsPolicy.assertCanEditSeries(actor, series, await this.repo.viewerHubs(actor, tx));
      if (!isRuleStart(toRecurring(series), originalStart)) throw MeetingsError.notAnOccurrence();
      const repo = tx.getRepository(OccurrenceOverrideEntity);
      const existing =
        (await repo.findOneBy({ seriesId, originalStart })) ??
        repo.create({ seriesId, originalStart, cancelled: false, newStart: null, newDurationMinutes: null, note: null });
      change(existing);
      await repo.save(existing);
      this.widenBounds(series, await repo.findBy({ seriesId }));
      series.sequence += 1;
      await tx.getRepository(MeetingSeriesEntity).save(series);
      await this.reminders.replanSeries(tx, seriesId);
    });
  }

  /** RSVP with capacity per mode; the series row is locked so concurrent answers queue up. */
  async rsvp(actor: MemberActor, input: RsvpInput): Promise<RsvpType> {
    const wholeSeries = input.wholeSeries === true;
    if (wholeSeries === (input.occurrenceStart !== null && input.occurrenceStart !== undefined)) throw MeetingsError.oneTarget();
    const { result, told } = await this.repo.db.transaction(async (tx) => {
      const series = await this.lockSeries(tx, actor, input.seriesId);
      const hubIds = (await this.repo.hubIdsBySeries([series.id], tx)).get(series.id) ?? [];
      MeetingsPolicy.assertCanRsvp(actor, series, hubIds, await this.repo.viewerHubs(actor, tx));
      const overrides = await tx.getRepository(OccurrenceOverrideEntity).findBy({ seriesId: series.id });
      let occurrenceStart: Date | null = null;
      if (!wholeSeries) {
        const o = this.findOccurrence(series, overrides, input.occurrenceStart!, 'occurrenceStart');
        if (o.cancelled) throw MeetingsError.occurrenceCancelled();
        if (o.end.getTime() <= Date.now()) throw MeetingsError.occurrencePast();
        occurrenceStart = o.originalStart;
      }
      const response = input.response as RsvpResponse;
      if (response === 'going_in_person' && series.mode === 'online') throw MeetingsError.modeNotOffered('in person');
      if (response === 'going_online' && series.mode === 'in_person') throw MeetingsError.modeNotOffered('online');

      const repo = tx.getRepository(RsvpEntity);
      const existing = await repo.findOneBy({ seriesId: series.id, memberId: actor.memberId, occurrenceStart: occurrenceStart ?? IsNull() });
      const before = existing ? { response: existing.response, waitlisted: existing.waitlisted } : null;
      const row = existing ?? repo.create({ seriesId: series.id, memberId: actor.memberId, occurrenceStart });
      row.response = response;
      if (!GOING.includes(response)) {
        row.waitlisted = false;
        row.position = null;
      } else if (!(before && before.response === response)) {
        const free = await this.hasSeat(tx, series, overrides, occurrenceStart, response as Mode, actor.memberId);
        row.waitlisted = !free;
        row.position = free ? null : await this.nextPosition(tx);
      }
      // Same mode again: keep the seat or the place in the queue.
      await repo.save(row);
      const promoted: string[] = [];
      if (before && GOING.includes(before.response) && !before.waitlisted && before.response !== response) {
        promoted.push(...(await this.promote(tx, series, overrides, occurrenceStart, before.response as Mode)));
      }
      const told = await this.reminders.announcePromotions(tx, promoted.map((memberId) => ({ memberId, series, occurrenceStart })));
      await this.reminders.replanSeries(tx, series.id);
      const [ranked] = (await this.rankOf(tx, row)) ?? [null];
      return { result: toRsvpType(row, ranked), told };
    });
    await told.publish();
    return result;
  }

  /** Organisers record who came, once the meeting has started; entries replace earlier ones per member. */
  async recordAttendance(actor: MemberActor, input: RecordAttendanceInput): Promise<AttendanceEntity[]> {
    if (input.entries.length > 500) throw AttendanceError.tooMany();
    return this.repo.db.transaction(async (tx) => {
      const series = await this.lockSeries(tx, actor, input.seriesId);
      MeetingsPolicy.assertCanEditSeries(actor, series, await this.repo.viewerHubs(actor, tx));
      const overrides = await tx.getRepository(OccurrenceOverrideEntity).findBy({ seriesId: series.id });
      const o = this.findOccurrence(series, overrides, input.occurrenceStart, 'occurrenceStart');
      if (o.cancelled) throw MeetingsError.occurrenceCancelled();
      if (o.start.getTime() > Date.now()) throw AttendanceError.notStarted();
      const memberIds = [...new Set(input.entries.map((e) => e.memberId))];
      if (memberIds.length > 0 && (await tx.getRepository(MemberEntity).countBy({ id: In(memberIds) })) !== memberIds.length) {
        throw AttendanceError.memberUnknown();
      }
      const repo = tx.getRepository(AttendanceEntity);
      if (input.entries.length > 0) {
        await repo.upsert(
          input.entries.map((e) => ({ seriesId: series.id, occurrenceStart: o.originalStart, memberId: e.memberId, status: e.status, recordedBy: actor.memberId, recordedAt: new Date() })),
          ['seriesId', 'occurrenceStart', 'memberId'],
        );
      }
      return repo.find({ where: { seriesId: series.id, occurrenceStart: o.originalStart }, order: { memberId: 'ASC' } });
    });
  }

  /** Replaces the agenda of one meeting (organisers). */
  async setAgenda(actor: MemberActor, input: SetAgendaInput): Promise<MeetingOccurrenceType> {
    if (input.items.length > 50) throw NotesError.agendaTooLong();
    const agenda: AgendaItem[] = input.items.map((item, i) => {
      const title = (item.title ?? '').trim();
      if (!title || title.length > 200) throw NotesError.itemTitle(i);
      const presenter = item.presenter?.trim() || null;
      if (presenter && presenter.length > 120) throw NotesError.itemPresenter(i);
      const minutes = item.minutesAllotted ?? null;
      if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > 600)) throw NotesError.itemMinutes(i);
      return { title, presenter, minutesAllotted: minutes };
    });
    return this.saveNotes(actor, input.seriesId, input.occurrenceStart, { agenda });
  }

  /** Saves the Markdown minutes of one meeting (organisers). */
  async saveMinutes(actor: MemberActor, input: SaveMinutesInput): Promise<MeetingOccurrenceType> {
    if (input.minutes.length > 100_000) throw NotesError.minutesTooLong();
    return this.saveNotes(actor, input.seriesId, input.occurrenceStart, { minutes: input.minutes });
  }

  private async saveNotes(actor: MemberActor, seriesId: string, start: Date, change: Partial<Pick<OccurrenceNotesEntity, 'agenda' | 'minutes'>>) {
    const original = await this.repo.db.transaction(async (tx) => {
      const series = await this.lockSeries(tx, actor, seriesId);
      MeetingsPolicy.assertCanEditSeries(actor, series, await this.repo.viewerHubs(actor, tx));
      const overrides = await tx.getRepository(OccurrenceOverrideEntity).findBy({ seriesId });
      const o = this.findOccurrence(series, overrides, start, 'occurrenceStart');
      const repo = tx.getRepository(OccurrenceNotesEntity);
      const row = (await repo.findOneBy({ seriesId, occurrenceStart: o.originalStart })) ?? repo.create({ seriesId, occurrenceStart: o.originalStart, agenda: [], minutes: '' });
      Object.assign(row, change, { updatedBy: actor.memberId });
      await repo.save(row);
      return o.originalStart;
    });
    return this.occurrence(actor, seriesId, original);
  }

  /**
   * Publishes the minutes as a thread in a forum group of the organising hub (the oldest hub group
   * unless `groupId` names another of its groups), through the forum's own service and rules.
   * Idempotent: publishing again edits the same opening post (a new thread only when that post was
   * removed). The occurrence links the thread.
   */
  async publishMinutes(actor: MemberActor, input: PublishMinutesInput): Promise<MeetingOccurrenceType> {
    const original = await this.repo.db.transaction(async (tx) => {
      const series = await this.lockSeries(tx, actor, input.seriesId);
      const viewer = await this.repo.viewerHubs(actor, tx);
      const hubIds = (await this.repo.hubIdsBySeries([series.id], tx)).get(series.id) ?? [];
      MeetingsPolicy.assertCanSeeSeries(actor, series, hubIds, viewer);
      MeetingsPolicy.assertCanEditSeries(actor, series, viewer);
      const overrides = await tx.getRepository(OccurrenceOverrideEntity).findBy({ seriesId: series.id });
      const o = this.findOccurrence(series, overrides, input.occurrenceStart, 'occurrenceStart');
      const notes = await tx.getRepository(OccurrenceNotesEntity).findOne({
        where: { seriesId: series.id, occurrenceStart: o.originalStart },
        lock: { mode: 'pessimistic_write' },
      });
      if (!notes || !notes.minutes.trim()) throw MinutesError.empty();
      const local = DateTime.fromJSDate(o.start, { zone: series.timeZone });
      const link = `${this.config.publicUrl}${meetingPath(series.id, o.originalStart)}`;
      const body = `**${series.title}** — ${local.toFormat('yyyy-MM-dd HH:mm')} (${series.timeZone})\n\n${notes.minutes.trim()}\n\n---\n[Meeting page](${link})`;
      let published: { threadId: string; postId: string } | null = null;
      if (notes.minutesPostId) {
        const post = await this.forum.post(actor, notes.minutesPostId).catch((e: unknown) => {
          if (e instanceof AppError && e.code === ErrorCode.NotFound) return null;
          throw e;
        });
        if (post && !post.post.deletedAt) {
          const edited = await this.forum.editPost(actor, { postId: post.post.id, body });
          published = { threadId: edited.thread.id, postId: edited.post.id };
        }
      }
      if (!published) {
        const group = await this.minutesGroup(actor, series.organisingHubId, input.groupId ?? null);
        const title = `Minutes: ${series.title}`.slice(0, 180) + ` (${local.toFormat('yyyy-MM-dd')})`;
        const cmid = `minutes:${series.id}:${o.originalStart.getTime().toString(36)}:${(notes.minutesPublishedAt?.getTime() ?? 0).toString(36)}`;
        const { thread } = await this.forum.createThread(actor, { groupId: group, title, body, clientMutationId: cmid });
        const opening = await this.forumRepo.posts.findOneBy({ threadId: thread.id, postNumber: 1 });
        published = { threadId: thread.id, postId: opening!.id };
      }
      notes.minutesThreadId = published.threadId;
      notes.minutesPostId = published.postId;
      notes.minutesPublishedAt = new Date();
      await tx.getRepository(OccurrenceNotesEntity).save(notes);
      return o.originalStart;
    });
    return this.occurrence(actor, input.seriesId, original);
  }

  private async minutesGroup(actor: MemberActor, hubId: string, groupId: string | null): Promise<string> {
    if (groupId) {
      const [access] = await this.forumRepo.readableGroups(actor, { ids: [groupId] });
      if (!access || access.group.hubId !== hubId) throw MinutesError.groupElsewhere();
      return access.group.id;
    }
    const groups = await this.forumRepo.readableGroups(actor, { hubId, kind: 'hub' });
    const oldest = groups.sort((a, b) => a.group.createdAt.getTime() - b.group.createdAt.getTime() || a.group.id.localeCompare(b.group.id))[0];
    if (!oldest) throw MinutesError.noGroup();
    return oldest.group.id;
  }

  async addActionItem(actor: MemberActor, input: AddActionItemInput): Promise<{ item: ActionItemEntity; canEdit: boolean }> {
    const item = await this.repo.db.transaction(async (tx) => {
      const series = await this.lockSeries(tx, actor, input.seriesId);
      MeetingsPolicy.assertCanEditSeries(actor, series, await this.repo.viewerHubs(actor, tx));
      const overrides = await tx.getRepository(OccurrenceOverrideEntity).findBy({ seriesId: series.id });
      const o = this.findOccurrence(series, overrides, input.occurrenceStart, 'occurrenceStart');
      const row = tx.getRepository(ActionItemEntity).create({
        seriesId: series.id,
        occurrenceStart: o.originalStart,
        description: this.actionDescription(input.description),
        ownerId: await this.actionOwner(tx, input.ownerId ?? null),
        dueOn: this.actionDue(input.dueOn ?? null),
        status: 'open',
        createdBy: actor.memberId,
      });
      return tx.getRepository(ActionItemEntity).save(row);
    });
    return { item, canEdit: true };
  }

  async updateActionItem(actor: MemberActor, input: UpdateActionItemInput): Promise<{ item: ActionItemEntity; canEdit: boolean }> {
    return this.repo.db.transaction(async (tx) => {
      const item = await tx.getRepository(ActionItemEntity).findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw ActionItemError.notFound();
      const series = await tx.getRepository(MeetingSeriesEntity).findOneBy({ id: item.seriesId });
      const viewer = await this.repo.viewerHubs(actor, tx);
      const hubIds = (await this.repo.hubIdsBySeries([item.seriesId], tx)).get(item.seriesId) ?? [];
      if (!series || !MeetingsPolicy.canSeeSeries(actor, series, hubIds, viewer)) throw ActionItemError.notFound();
      const organiser = MeetingsPolicy.canEditSeries(actor, series, viewer);
      if (!MeetingsPolicy.canUpdateActionItemStatus(actor, series, item, viewer)) throw MeetingsError.forbidden();
      const touchesMore = input.description !== undefined || input.ownerId !== undefined || input.dueOn !== undefined;
      if (!organiser && touchesMore) throw ActionItemError.ownerOnlyStatus();
      if (input.description !== undefined && input.description !== null) item.description = this.actionDescription(input.description);
      if (input.ownerId !== undefined) item.ownerId = await this.actionOwner(tx, input.ownerId || null);
      if (input.dueOn !== undefined) item.dueOn = this.actionDue(input.dueOn || null);
      if (input.status) item.status = input.status;
      return { item: await tx.getRepository(ActionItemEntity).save(item), canEdit: organiser || item.ownerId === actor.memberId };
    });
  }

  private actionDescription(value: string): string {
    const d = (value ?? '').trim();
    if (!d || d.length > 2000) throw ActionItemError.description();
    return d;
  }

  private async actionOwner(tx: EntityManager, ownerId: string | null): Promise<string | null> {
    if (!ownerId) return null;
    if (!/^[0-9a-f-]{36}$/i.test(ownerId) || !(await tx.getRepository(MemberEntity).existsBy({ id: ownerId }))) throw ActionItemError.ownerUnknown();
    return ownerId;
  }

  private actionDue(value: string | null): string | null {
    if (!value) return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
    if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) throw ActionItemError.dueOn();
    return value;
  }

  // ---- invitations --------------------------------------------------------------------------------

  /** Organisers invite members to a series (what makes an `invited` series visible to them). */
  async invite(actor: MemberActor, seriesId: string, memberIds: string[]): Promise<MeetingSeriesType> {
    const ids = this.invitees(memberIds);
    await this.repo.db.transaction(async (tx) => {
      const series = await this.lockSeries(tx, actor, seriesId);
      const viewer = await this.repo.viewerHubs(actor, tx);
      const hubIds = (await this.repo.hubIdsBySeries([series.id], tx)).get(series.id) ?? [];
      MeetingsPolicy.assertCanSeeSeries(actor, series, hubIds, viewer);
      MeetingsPolicy.assertCanEditSeries(actor, series, viewer);
      if ((await tx.getRepository(MemberEntity).countBy({ id: In(ids) })) !== ids.length) throw InvitationError.memberUnknown();
      const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM meeting_invitations WHERE series_id = $1 AND NOT (member_id = ANY($2::uuid[]))`, [series.id, ids]);
      if (n + ids.length > INVITEES_MAX) throw InvitationError.tooMany(INVITEES_MAX);
      await tx.query(
        `INSERT INTO meeting_invitations (series_id, member_id, invited_by) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING`,
        [series.id, ids, actor.memberId],
      );
      series.sequence += 1;
      await tx.getRepository(MeetingSeriesEntity).save(series);
    });
    return this.seriesType(actor, seriesId);
  }

  /**
   * Organisers take invitations back. Members who can no longer see the series lose their answers for
   * meetings ahead (their seats go to the waitlist), and their reminders stop.
   */
  async uninvite(actor: MemberActor, seriesId: string, memberIds: string[]): Promise<MeetingSeriesType> {
    const ids = this.invitees(memberIds);
    const told = await this.repo.db.transaction(async (tx) => {
      const series = await this.lockSeries(tx, actor, seriesId);
      const viewer = await this.repo.viewerHubs(actor, tx);
      const hubIds = (await this.repo.hubIdsBySeries([series.id], tx)).get(series.id) ?? [];
      MeetingsPolicy.assertCanSeeSeries(actor, series, hubIds, viewer);
      MeetingsPolicy.assertCanEditSeries(actor, series, viewer);
      let pending: { publish(): Promise<void> } | null = null;
      await tx.query(`DELETE FROM meeting_invitations WHERE series_id = $1 AND member_id = ANY($2::uuid[])`, [series.id, ids]);
      if (await this.dropAnswersOfThoseWhoCannotSee(tx, series, ids)) {
        pending = await this.reminders.announcePromotions(tx, await this.promoteEverywhere(tx, series));
        await this.reminders.replanSeries(tx, series.id);
      }
      series.sequence += 1;
      await tx.getRepository(MeetingSeriesEntity).save(series);
      return pending;
    });
    await told?.publish();
    return this.seriesType(actor, seriesId);
  }

  /**
   * After a change of who may see the series: answers for meetings ahead of members who no longer may
   * see it are removed (their seats go to the waitlist). Returns whether any were.
   */
  private async dropAnswersOfThoseWhoCannotSee(tx: EntityManager, series: MeetingSeriesEntity, among?: string[]): Promise<boolean> {
    const ids =
      among ?? ((await tx.query(`SELECT DISTINCT member_id FROM rsvps WHERE series_id = $1`, [series.id])) as { member_id: string }[]).map((r) => r.member_id);
    const still = await this.repo.membersWhoMaySee(series, ids, tx);
    const gone = ids.filter((id) => !still.has(id));
    if (gone.length === 0) return false;
    await tx.query(`DELETE FROM rsvps WHERE series_id = $1 AND member_id = ANY($2::uuid[]) AND (occurrence_start IS NULL OR occurrence_start > now())`, [series.id, gone]);
    return true;
  }

  private invitees(memberIds: string[]): string[] {
    const ids = [...new Set(memberIds)];
    if (ids.length === 0) throw InvitationError.empty();
    if (ids.length > 200) throw InvitationError.tooMany(200);
    if (ids.some((id) => !UUID.test(id))) throw InvitationError.memberUnknown();
    return ids;
  }

  // ---- helpers ------------------------------------------------------------------------------------

  private async lockSeries(tx: EntityManager, actor: Actor, id: string): Promise<MeetingSeriesEntity> {
    const series = await tx.getRepository(MeetingSeriesEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!series) throw MeetingsError.seriesNotFound();
    if (series.visibility !== 'public' && !isMember(actor)) throw MeetingsError.seriesNotFound();
    return series;
  }

  private async nextPosition(tx: EntityManager): Promise<string> {
    const [{ p }] = await tx.query(`SELECT nextval('rsvp_waitlist_position')::text AS p`);
    return p;
  }

  private async rankOf(tx: EntityManager, row: RsvpEntity): Promise<[number | null] | null> {
    if (!row.waitlisted) return [null];
    const [{ n }] = await tx.query(
      `SELECT count(*)::int AS n FROM rsvps WHERE series_id = $1 AND occurrence_start IS NOT DISTINCT FROM $2 AND response = $3 AND waitlisted AND position <= $4`,
      [row.seriesId, row.occurrenceStart, row.response, row.position],
    );
    return [n];
  }

  /** The occurrences a whole-series seat must fit in: the next ones from now. */
  private upcoming(series: MeetingSeriesEntity, overrides: OccurrenceOverrideEntity[]): Date[] {
    return nextOccurrences(toRecurring(series), overrides, new Date(), WHOLE_SERIES_HORIZON).map((o) => o.originalStart);
  }

  private async hasSeat(
    tx: EntityManager,
    series: MeetingSeriesEntity,
    overrides: OccurrenceOverrideEntity[],
    occurrenceStart: Date | null,
    mode: Mode,
    exceptMember: string | null,
  ): Promise<boolean> {
    const capacity = capacityFor(series, mode);
    if (capacity === null) return true;
    const starts = occurrenceStart ? [occurrenceStart] : this.upcoming(series, overrides);
    if (starts.length === 0) return true;
    const rows = await this.repo.seatsTaken(starts.map((s) => ({ seriesId: series.id, occurrenceStart: s })), tx, exceptMember);
    const taken = Math.max(0, ...rows.filter((r) => r.response === mode).map((r) => r.n));
    return taken < capacity;
  }

  /** Gives free seats in (occurrence, mode) to the waitlist in order; returns the promoted members. */
  private async promote(tx: EntityManager, series: MeetingSeriesEntity, overrides: OccurrenceOverrideEntity[], occurrenceStart: Date | null, mode: Mode): Promise<string[]> {
    const promoted: string[] = [];
    const repo = tx.getRepository(RsvpEntity);
    for (;;) {
      const next = await repo.findOne({
        where: { seriesId: series.id, occurrenceStart: occurrenceStart ?? IsNull(), response: mode, waitlisted: true },
        order: { position: 'ASC' },
      });
      if (!next || !(await this.hasSeat(tx, series, overrides, occurrenceStart, mode, next.memberId))) return promoted;
      await repo.update({ id: next.id }, { waitlisted: false, position: null });
      promoted.push(next.memberId);
    }
  }

  private async promoteEverywhere(tx: EntityManager, series: MeetingSeriesEntity) {
    const overrides = await tx.getRepository(OccurrenceOverrideEntity).findBy({ seriesId: series.id });
    const groups: { occurrence_start: Date | null; response: Mode }[] = await tx.query(
      `SELECT DISTINCT occurrence_start, response FROM rsvps WHERE series_id = $1 AND waitlisted`,
      [series.id],
    );
    const result: Promotion[] = [];
    for (const g of groups) {
      const start = g.occurrence_start ? new Date(g.occurrence_start) : null;
      for (const memberId of await this.promote(tx, series, overrides, start, g.response)) result.push({ memberId, series, occurrenceStart: start });
    }
    return result;
  }

  private async assertCapacityAboveRsvps(tx: EntityManager, series: MeetingSeriesEntity, overrides: OccurrenceOverrideEntity[]): Promise<void> {
    const specific: { occurrence_start: Date }[] = await tx.query(
      `SELECT DISTINCT occurrence_start FROM rsvps WHERE series_id = $1 AND occurrence_start > now() - interval '7 days'`,
      [series.id],
    );
    const starts = [...new Set([...this.upcoming(series, overrides).map((d) => d.getTime()), ...specific.map((r) => new Date(r.occurrence_start).getTime())])];
    if (starts.length === 0) return;
    const rows = await this.repo.seatsTaken(starts.map((t) => ({ seriesId: series.id, occurrenceStart: new Date(t) })), tx);
    for (const [mode, field] of [['going_in_person', 'capacityInPerson'], ['going_online', 'capacityOnline']] as const) {
      const capacity = capacityFor(series, mode);
      const taken = Math.max(0, ...rows.filter((r) => r.response === mode).map((r) => r.n));
      if (capacity !== null && taken > capacity) throw MeetingsError.capacityBelowRsvps(field, taken);
    }
  }

  private async checkHubs(tx: EntityManager, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length > 30) throw AppError.badInput('participatingHubIds', 'tooLong', 'Give at most 30 hubs.');
    const found = await tx.getRepository(HubEntity).countBy({ id: In(unique) });
    if (found !== unique.length) throw MeetingsError.hubUnknown('participatingHubIds');
    return unique;
  }

  private async setHubs(tx: EntityManager, seriesId: string, hubIds: string[]): Promise<void> {
    await tx.query(`DELETE FROM meeting_series_hubs WHERE series_id = $1`, [seriesId]);
    await tx.query(`INSERT INTO meeting_series_hubs (series_id, hub_id) SELECT $1, unnest($2::uuid[])`, [seriesId, hubIds]);
  }

  /** Field checks in order; sets rrule (normalised), first_start and last_end. Changes nothing on failure. */
  private validate(s: MeetingSeriesEntity): void {
    s.title = (s.title ?? '').trim();
    if (!s.title) throw MeetingsError.empty('title');
    if (s.title.length > TITLE_MAX) throw MeetingsError.tooLong('title', TITLE_MAX);
    if (s.description.length > DESCRIPTION_MAX) throw MeetingsError.tooLong('description', DESCRIPTION_MAX);
    if (!isTimeZone(s.timeZone)) throw MeetingsError.timeZoneUnknown();
    if (!parseLocal(s.startLocal)) throw MeetingsError.startLocal();
    if (!Number.isInteger(s.durationMinutes) || s.durationMinutes < 1 || s.durationMinutes > MAX_DURATION) throw MeetingsError.duration();
    for (const field of ['capacityInPerson', 'capacityOnline'] as const) {
      const v = s[field];
      if (v !== null && (!Number.isInteger(v) || v < 0 || v > 100_000)) throw MeetingsError.capacity(field);
    }
    if (s.onlineUrl && (!/^https?:\/\/\S+$/i.test(s.onlineUrl) || s.onlineUrl.length > 500)) throw MeetingsError.url();
    if (s.mode !== 'online' && !s.place) throw MeetingsError.placeNeeded();
    if (s.mode !== 'in_person' && !s.onlineUrl) throw MeetingsError.linkNeeded();
    if (s.place && s.place.length > 500) throw MeetingsError.tooLong('place', 500);
    try {
      if (s.rrule) s.rrule = validateRrule(s.rrule);
      const bounds = seriesBounds(this.rule(s));
      s.firstStart = bounds.firstStart;
      s.lastEnd = bounds.lastStart ? new Date(bounds.lastStart.getTime() + s.durationMinutes * 60_000) : null;
    } catch (e) {
      recurrenceToBadInput(e);
    }
    // Normalise the stored local start to seconds precision.
    s.startLocal = s.startLocal.length === 16 ? `${s.startLocal}:00` : s.startLocal;
  }

  /** first_start / last_end also cover occurrences moved outside the rule's range. */
  private widenBounds(s: MeetingSeriesEntity, overrides: OccurrenceOverrideEntity[]): void {
    const bounds = seriesBounds(this.rule(s));
    let first = bounds.firstStart.getTime();
    let last = bounds.lastStart ? bounds.lastStart.getTime() + s.durationMinutes * 60_000 : null;
    for (const o of overrides) {
      if (!o.newStart) continue;
      first = Math.min(first, o.newStart.getTime());
      if (last !== null) last = Math.max(last, o.newStart.getTime() + (o.newDurationMinutes ?? s.durationMinutes) * 60_000);
    }
    s.firstStart = new Date(first);
    s.lastEnd = last === null ? null : new Date(last);
  }

  private rule(s: MeetingSeriesEntity): RecurringSeries {
    return toRecurring(s);
  }
}
