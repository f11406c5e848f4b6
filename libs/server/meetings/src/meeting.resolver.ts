import { Args, GraphQLISODateTime, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@anyam/shared/domain';
import { Actor, Ctx, CurrentActor, isMember, MemberActor, Public, RequestContext, RequirePermission } from '@anyam/server/core';
import { ActionItemType, AgendaItemType, AttendanceType, CalendarFeedType, HubLocalStartType, MeetingInviteeType, MeetingOccurrenceConnection, MeetingOccurrenceType, MeetingSeriesType, ReminderPreferencesType, RsvpType } from './graphql/meeting.type';
import { CommunityLoaderFactory } from '@anyam/server/community';
import { DateTime } from 'luxon';
import { REMINDER_LEAD_CHOICES, RemindersService } from './reminders.service';
import { localIso } from './occurrences';
import { CalendarTokenService } from './calendar-token.service';
import { AddActionItemInput, PublishMinutesInput, SetReminderPreferencesInput, UpdateActionItemInput, CancelOccurrenceInput, CreateMeetingSeriesInput, MeetingFilter, RecordAttendanceInput, RescheduleOccurrenceInput, RsvpInput, SaveMinutesInput, SetAgendaInput, UpdateMeetingSeriesInput } from './graphql/meeting.input';
import { ActionItemStatusEnum, AttendanceStatusEnum } from './meetings.enums';
import { ActionItemEntity } from './entities/action-item.entity';

const toActionItemType = (a: ActionItemEntity, canEdit: boolean): ActionItemType => ({
  id: a.id,
  seriesId: a.seriesId,
  occurrenceStart: a.occurrenceStart,
  description: a.description,
  ownerId: a.ownerId,
  dueOn: a.dueOn,
  status: a.status as ActionItemStatusEnum,
  viewerCanEdit: canEdit,
});
import { MeetingsService } from './meetings.service';
import { MeetingsLoaderFactory } from './meetings.loaders';
import { toRsvpType } from './meeting.mapper';

@Resolver(() => MeetingSeriesType)
export class MeetingSeriesResolver {
  constructor(
    private readonly service: MeetingsService,
    private readonly loaders: MeetingsLoaderFactory,
  ) {}

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => MeetingSeriesType, { description: 'Organisers invite members; an `invited` series is visible only to its invitees and organisers.' })
  inviteToMeeting(
    @Args('seriesId', { type: () => ID }) seriesId: string,
    @Args('memberIds', { type: () => [ID] }) memberIds: string[],
    @CurrentActor() actor: MemberActor,
  ): Promise<MeetingSeriesType> {
    return this.service.invite(actor, seriesId, memberIds);
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => MeetingSeriesType, { description: 'Organisers take invitations back; those who can no longer see the series lose their answers for meetings ahead.' })
  uninviteFromMeeting(
    @Args('seriesId', { type: () => ID }) seriesId: string,
    @Args('memberIds', { type: () => [ID] }) memberIds: string[],
    @CurrentActor() actor: MemberActor,
  ): Promise<MeetingSeriesType> {
    return this.service.uninvite(actor, seriesId, memberIds);
  }

  @ResolveField(() => [MeetingInviteeType], { nullable: true, description: 'Invited members; only for the organisers (null for others).' })
  async invitees(@Parent() series: MeetingSeriesType, @Ctx() ctx: RequestContext): Promise<MeetingInviteeType[] | null> {
    if (!series.viewerCanEdit) return null;
    return ctx.loaders.get(this.loaders).invitees.load(series.id);
  }

  @Public()
  @Query(() => MeetingSeriesType, { description: 'A series the viewer may see.' })
  meetingSeries(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<MeetingSeriesType> {
    return this.service.seriesType(actor, id);
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => MeetingSeriesType, { description: 'Coordinators of the organising hub (or admins).' })
  createMeetingSeries(@Args('input') input: CreateMeetingSeriesInput, @CurrentActor() actor: MemberActor): Promise<MeetingSeriesType> {
    return this.service.create(actor, input);
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => MeetingSeriesType, { description: 'Changes the series and bumps its iCalendar SEQUENCE.' })
  updateMeetingSeries(@Args('input') input: UpdateMeetingSeriesInput, @CurrentActor() actor: MemberActor): Promise<MeetingSeriesType> {
    return this.service.update(actor, input);
  }

  @ResolveField(() => [MeetingOccurrenceType], { description: 'The next meetings from now, overrides applied (cancelled ones left out).' })
  nextOccurrences(
    @Parent() series: MeetingSeriesType,
    @Ctx() ctx: RequestContext,
    @Args('count', { type: () => Int, defaultValue: 5 }) count: number,
  ): Promise<MeetingOccurrenceType[]> {
    return this.service.nextOccurrences(ctx.actor, series.id, count);
  }
}

@Resolver(() => ReminderPreferencesType)
export class ReminderPreferencesResolver {
  constructor(private readonly reminders: RemindersService) {}

  @RequirePermission(Permission.RsvpToMeetings)
  @Query(() => ReminderPreferencesType, { description: 'My reminder choices.' })
  async reminderPreferences(@CurrentActor() actor: MemberActor): Promise<ReminderPreferencesType> {
    return { ...(await this.reminders.preferences(actor.memberId)), choices: [...REMINDER_LEAD_CHOICES] };
  }

  @RequirePermission(Permission.RsvpToMeetings)
  @Mutation(() => ReminderPreferencesType, { description: 'Sets my reminder lead times (in-app, and by e-mail unless turned off); re-plans my reminders.' })
  async setReminderPreferences(@Args('input') input: SetReminderPreferencesInput, @CurrentActor() actor: MemberActor): Promise<ReminderPreferencesType> {
    return { ...(await this.reminders.setPreferences(actor, input)), choices: [...REMINDER_LEAD_CHOICES] };
  }
}

@Resolver(() => MeetingOccurrenceType)
export class MeetingOccurrenceResolver {
  constructor(
    private readonly service: MeetingsService,
    private readonly loaders: MeetingsLoaderFactory,
    private readonly community: CommunityLoaderFactory,
    private readonly calendarTokens: CalendarTokenService,
  ) {}

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => MeetingOccurrenceType, {
    description: 'Organisers publish the saved minutes as a thread in the organising hub’s forum group; publishing again updates the same thread.',
  })
  publishMinutes(@Args('input') input: PublishMinutesInput, @CurrentActor() actor: MemberActor): Promise<MeetingOccurrenceType> {
    return this.service.publishMinutes(actor, input);
  }

  @ResolveField(() => ID, { nullable: true, description: 'The forum thread the minutes were published to.' })
  async minutesThreadId(@Parent() o: MeetingOccurrenceType, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await ctx.loaders.get(this.loaders).notes.load({ seriesId: o.seriesId, occurrenceStart: o.originalStart }))?.minutesThreadId ?? null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Path of that thread in the web app, e.g. /forum/t/<id>.' })
  async minutesThreadPath(@Parent() o: MeetingOccurrenceType, @Ctx() ctx: RequestContext): Promise<string | null> {
    const id = (await ctx.loaders.get(this.loaders).notes.load({ seriesId: o.seriesId, occurrenceStart: o.originalStart }))?.minutesThreadId;
    return id ? `/forum/t/${id}` : null;
  }

  @ResolveField(() => GraphQLISODateTime, { nullable: true })
  async minutesPublishedAt(@Parent() o: MeetingOccurrenceType, @Ctx() ctx: RequestContext): Promise<Date | null> {
    return (await ctx.loaders.get(this.loaders).notes.load({ seriesId: o.seriesId, occurrenceStart: o.originalStart }))?.minutesPublishedAt ?? null;
  }

  @ResolveField(() => [HubLocalStartType], { description: 'The start in each participating hub’s own time zone (organising hub first), for side-by-side times.' })
  async hubLocalStarts(@Parent() o: MeetingOccurrenceType, @Ctx() ctx: RequestContext): Promise<HubLocalStartType[]> {
    const hubs = await ctx.loaders.get(this.community).hubById.loadMany(o.participatingHubIds);
    const seriesDay = DateTime.fromJSDate(o.start, { zone: o.timeZone }).startOf('day');
    const rows: HubLocalStartType[] = [];
    for (const h of hubs) {
      if (!h || h instanceof Error) continue;
      const day = DateTime.fromJSDate(o.start, { zone: h.timeZone }).startOf('day');
      const offset = Math.round(DateTime.fromObject({ year: day.year, month: day.month, day: day.day }, { zone: 'UTC' }).diff(DateTime.fromObject({ year: seriesDay.year, month: seriesDay.month, day: seriesDay.day }, { zone: 'UTC' }), 'days').days);
      rows.push({ hubId: h.id, hubName: h.name, timeZone: h.timeZone, localStart: localIso(o.start, h.timeZone), dayOffset: offset });
    }
    return rows.sort((a, b) => Number(b.hubId === o.organisingHubId) - Number(a.hubId === o.organisingHubId) || a.hubName.localeCompare(b.hubName));
  }

  @RequirePermission(Permission.RsvpToMeetings)
  @Mutation(() => CalendarFeedType, { description: 'A new secret link to my private calendar feed; the previous link stops working.' })
  regenerateCalendarToken(@CurrentActor() actor: MemberActor): Promise<CalendarFeedType> {
    return this.calendarTokens.regenerate(actor);
  }

  @Public()
  @Query(() => MeetingOccurrenceConnection, { description: 'Meetings the viewer may see in [from, to), by start.' })
  meetings(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => MeetingFilter, nullable: true }) filter?: MeetingFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.service.meetings(actor, filter ?? {}, { first, after });
  }

  @Public()
  @Query(() => MeetingOccurrenceType, { description: 'One meeting of a series, by its original start or the start it was moved to.' })
  meetingOccurrence(
    @Args('seriesId', { type: () => ID }) seriesId: string,
    @Args('start', { type: () => GraphQLISODateTime }) start: Date,
    @CurrentActor() actor: Actor,
  ): Promise<MeetingOccurrenceType> {
    return this.service.occurrence(actor, seriesId, start);
  }

  @RequirePermission(Permission.RsvpToMeetings)
  @Query(() => [MeetingOccurrenceType], { description: 'Meetings in [from, to) I answered going or maybe to.' })
  myMeetings(
    @CurrentActor() actor: MemberActor,
    @Args('from', { type: () => GraphQLISODateTime, nullable: true }) from?: Date,
    @Args('to', { type: () => GraphQLISODateTime, nullable: true }) to?: Date,
  ): Promise<MeetingOccurrenceType[]> {
    return this.service.myMeetings(actor, from ?? null, to ?? null);
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => MeetingOccurrenceType)
  cancelOccurrence(@Args('input') input: CancelOccurrenceInput, @CurrentActor() actor: MemberActor): Promise<MeetingOccurrenceType> {
    return this.service.cancelOccurrence(actor, input);
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => MeetingOccurrenceType)
  rescheduleOccurrence(@Args('input') input: RescheduleOccurrenceInput, @CurrentActor() actor: MemberActor): Promise<MeetingOccurrenceType> {
    return this.service.rescheduleOccurrence(actor, input);
  }

  @RequirePermission(Permission.RsvpToMeetings)
  @Mutation(() => RsvpType, { description: 'Answer for one meeting or the whole series; a full mode puts you on its waitlist.' })
  rsvp(@Args('input') input: RsvpInput, @CurrentActor() actor: MemberActor): Promise<RsvpType> {
    return this.service.rsvp(actor, input);
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => [AttendanceType], { description: 'Organisers record who came (present in person / online / absent) once the meeting has started.' })
  async recordAttendance(@Args('input') input: RecordAttendanceInput, @CurrentActor() actor: MemberActor): Promise<AttendanceType[]> {
    return (await this.service.recordAttendance(actor, input)).map((a) => ({ memberId: a.memberId, status: a.status as AttendanceStatusEnum, recordedAt: a.recordedAt }));
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => MeetingOccurrenceType, { description: 'Replaces the agenda of one meeting (organisers).' })
  setAgenda(@Args('input') input: SetAgendaInput, @CurrentActor() actor: MemberActor): Promise<MeetingOccurrenceType> {
    return this.service.setAgenda(actor, input);
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => MeetingOccurrenceType, { description: 'Saves the Markdown minutes of one meeting (organisers).' })
  saveMinutes(@Args('input') input: SaveMinutesInput, @CurrentActor() actor: MemberActor): Promise<MeetingOccurrenceType> {
    return this.service.saveMinutes(actor, input);
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => ActionItemType, { description: 'Organisers add an action item to one meeting.' })
  async addActionItem(@Args('input') input: AddActionItemInput, @CurrentActor() actor: MemberActor): Promise<ActionItemType> {
    const { item, canEdit } = await this.service.addActionItem(actor, input);
    return toActionItemType(item, canEdit);
  }

  @RequirePermission(Permission.RsvpToMeetings)
  @Mutation(() => ActionItemType, { description: 'Organisers change any field; the owner may change the status.' })
  async updateActionItem(@Args('input') input: UpdateActionItemInput, @CurrentActor() actor: MemberActor): Promise<ActionItemType> {
    const { item, canEdit } = await this.service.updateActionItem(actor, input);
    return toActionItemType(item, canEdit);
  }

  @ResolveField(() => [ActionItemType], { description: 'Action items of this meeting, for everyone who may see it.' })
  async actionItems(@Parent() o: MeetingOccurrenceType, @Ctx() ctx: RequestContext): Promise<ActionItemType[]> {
    const rows = await ctx.loaders.get(this.loaders).actionItems.load({ seriesId: o.seriesId, occurrenceStart: o.originalStart });
    const me = isMember(ctx.actor) ? ctx.actor.memberId : null;
    return rows.map((a) => toActionItemType(a, o.viewerCanEdit || (me !== null && a.ownerId === me)));
  }

  @ResolveField(() => [AgendaItemType], { description: 'Everyone who may see the meeting sees its agenda.' })
  async agenda(@Parent() o: MeetingOccurrenceType, @Ctx() ctx: RequestContext): Promise<AgendaItemType[]> {
    return (await ctx.loaders.get(this.loaders).notes.load({ seriesId: o.seriesId, occurrenceStart: o.originalStart }))?.agenda ?? [];
  }

  @ResolveField(() => String, { nullable: true, description: 'Markdown minutes; null until saved.' })
  async minutes(@Parent() o: MeetingOccurrenceType, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await ctx.loaders.get(this.loaders).notes.load({ seriesId: o.seriesId, occurrenceStart: o.originalStart }))?.minutes || null;
  }

  @ResolveField(() => [AttendanceType], { nullable: true, description: 'Recorded attendance; only for the organisers (null for others).' })
  async attendance(@Parent() o: MeetingOccurrenceType, @Ctx() ctx: RequestContext): Promise<AttendanceType[] | null> {
    if (!o.viewerCanEdit) return null;
    const rows = await ctx.loaders.get(this.loaders).attendance.load({ seriesId: o.seriesId, occurrenceStart: o.originalStart });
    return rows.map((a) => ({ memberId: a.memberId, status: a.status as AttendanceStatusEnum, recordedAt: a.recordedAt }));
  }

  @ResolveField(() => Int, { nullable: true, description: 'Seats left in person; null = no limit; 0 when full or not offered.' })
  async seatsLeftInPerson(@Parent() o: MeetingOccurrenceType, @Ctx() ctx: RequestContext): Promise<number | null> {
    if (o.capacityInPerson === null) return null;
    const taken = await ctx.loaders.get(this.loaders).seatsTaken.load({ seriesId: o.seriesId, occurrenceStart: o.originalStart });
    return Math.max(0, o.capacityInPerson - taken.inPerson);
  }

  @ResolveField(() => Int, { nullable: true, description: 'Seats left online; null = no limit; 0 when full or not offered.' })
  async seatsLeftOnline(@Parent() o: MeetingOccurrenceType, @Ctx() ctx: RequestContext): Promise<number | null> {
    if (o.capacityOnline === null) return null;
    const taken = await ctx.loaders.get(this.loaders).seatsTaken.load({ seriesId: o.seriesId, occurrenceStart: o.originalStart });
    return Math.max(0, o.capacityOnline - taken.online);
  }

  @ResolveField(() => RsvpType, { nullable: true, description: 'The viewer’s answer for this meeting (or for the whole series).' })
  async viewerRsvp(@Parent() o: MeetingOccurrenceType, @Ctx() ctx: RequestContext): Promise<RsvpType | null> {
    const rows = await ctx.loaders.get(this.loaders).viewerRsvps.load(o.seriesId);
    const r = rows.find((x) => x.occurrenceStart?.getTime() === o.originalStart.getTime()) ?? rows.find((x) => x.occurrenceStart === null);
    return r ? toRsvpType(r, r.rank) : null;
  }
}
