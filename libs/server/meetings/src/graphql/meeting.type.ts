import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@anyam/server/core';
import { ActionItemStatusEnum, AttendanceStatusEnum, MeetingKindEnum, MeetingModeEnum, MeetingVisibilityEnum, RsvpResponseEnum } from '../meetings.enums';

@ObjectType('Rsvp', { description: 'A member’s answer, for one meeting or the whole series.' })
export class RsvpType {
  @Field(() => ID)
  seriesId: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The meeting’s original start; null for the whole series.' })
  occurrenceStart: Date | null;
  @Field(() => RsvpResponseEnum)
  response: RsvpResponseEnum;
  @Field({ description: 'Going, but waiting for a seat in that mode.' })
  waitlisted: boolean;
  @Field(() => Int, { nullable: true, description: '1 = next to get a seat; null when not waitlisted.' })
  waitlistPosition: number | null;
}

@ObjectType('MeetingSeries')
export class MeetingSeriesType {
  @Field(() => ID)
  id: string;
  @Field()
  title: string;
  @Field()
  description: string;
  @Field(() => MeetingKindEnum)
  kind: MeetingKindEnum;
  @Field(() => ID)
  organisingHubId: string;
  @Field(() => [ID], { description: 'Participating hubs, the organising hub included.' })
  participatingHubIds: string[];
  @Field(() => ID)
  regionId: string;
  @Field({ description: 'IANA zone the series is planned in; occurrences keep their wall-clock time in it.' })
  timeZone: string;
  @Field({ description: 'Wall-clock start of the first meeting in timeZone, YYYY-MM-DDTHH:mm:ss.' })
  startLocal: string;
  @Field(() => GraphQLISODateTime, { description: 'The first start as an instant.' })
  firstStart: Date;
  @Field(() => Int)
  durationMinutes: number;
  @Field(() => String, { nullable: true, description: 'RFC 5545 RRULE, e.g. FREQ=MONTHLY;BYDAY=2TU; null for a single meeting.' })
  rrule: string | null;
  @Field(() => MeetingModeEnum)
  mode: MeetingModeEnum;
  @Field(() => String, { nullable: true })
  place: string | null;
  @Field(() => String, { nullable: true, description: 'Only for those who may attend.' })
  onlineUrl: string | null;
  @Field(() => Int, { nullable: true, description: 'null = no limit.' })
  capacityInPerson: number | null;
  @Field(() => Int, { nullable: true, description: 'null = no limit.' })
  capacityOnline: number | null;
  @Field(() => MeetingVisibilityEnum)
  visibility: MeetingVisibilityEnum;
  @Field(() => Int, { description: 'iCalendar SEQUENCE: bumped on every change.' })
  sequence: number;
  @Field()
  viewerCanEdit: boolean;
  @Field()
  viewerCanRsvp: boolean;
}

@ObjectType('MeetingOccurrence', { description: 'One meeting of a series, computed from its rule and overrides.' })
export class MeetingOccurrenceType {
  @Field(() => ID, { description: 'Stable: series id and original start.' })
  id: string;
  @Field(() => ID)
  seriesId: string;
  @Field(() => GraphQLISODateTime, { description: 'The start the rule gives; identifies the occurrence (RECURRENCE-ID).' })
  originalStart: Date;
  @Field(() => GraphQLISODateTime)
  start: Date;
  @Field(() => GraphQLISODateTime)
  end: Date;
  @Field({ description: 'The series’ IANA time zone.' })
  timeZone: string;
  @Field({ description: 'Start in the series’ zone with its offset, e.g. 2027-03-09T09:00:00+07:00.' })
  localStart: string;
  @Field()
  title: string;
  @Field(() => MeetingKindEnum)
  kind: MeetingKindEnum;
  @Field(() => MeetingModeEnum)
  mode: MeetingModeEnum;
  @Field(() => String, { nullable: true })
  place: string | null;
  @Field(() => String, { nullable: true, description: 'Only for those who may attend.' })
  onlineUrl: string | null;
  @Field()
  cancelled: boolean;
  @Field()
  rescheduled: boolean;
  @Field(() => String, { nullable: true })
  note: string | null;
  @Field()
  viewerCanEdit: boolean;
  @Field()
  viewerCanRsvp: boolean;
  @Field(() => String, { nullable: true, description: 'Path of the .ics download of this meeting (public series only; members use their private feed).' })
  icsPath: string | null;

  /** For field resolvers. */
  capacityInPerson: number | null;
  capacityOnline: number | null;
  participatingHubIds: string[];
  organisingHubId: string;
}

@ObjectType()
export class MeetingOccurrenceConnection extends Connection(MeetingOccurrenceType, 'MeetingOccurrence') {}

@ObjectType('CalendarFeed', { description: 'The private feed of my meetings. Shown once: store it in your calendar program.' })
export class CalendarFeedType {
  @Field({ description: 'Path on this server, e.g. /ical/me/<secret>.ics; anyone with it can read the feed.' })
  path: string;
}

@ObjectType('Attendance')
export class AttendanceType {
  @Field(() => ID)
  memberId: string;
  @Field(() => AttendanceStatusEnum)
  status: AttendanceStatusEnum;
  @Field(() => GraphQLISODateTime)
  recordedAt: Date;
}

@ObjectType('AgendaItem')
export class AgendaItemType {
  @Field()
  title: string;
  @Field(() => String, { nullable: true })
  presenter: string | null;
  @Field(() => Int, { nullable: true })
  minutesAllotted: number | null;
}

@ObjectType('ActionItem')
export class ActionItemType {
  @Field(() => ID)
  id: string;
  @Field(() => ID)
  seriesId: string;
  @Field(() => GraphQLISODateTime)
  occurrenceStart: Date;
  @Field()
  description: string;
  @Field(() => ID, { nullable: true })
  ownerId: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dueOn: string | null;
  @Field(() => ActionItemStatusEnum)
  status: ActionItemStatusEnum;
  @Field({ description: 'Organisers edit everything; the owner may change the status.' })
  viewerCanEdit: boolean;
}

@ObjectType('ReminderPreferences', { description: 'When I am reminded of meetings I answered going or maybe to.' })
export class ReminderPreferencesType {
  @Field(() => [Int], { description: 'Minutes before the start, longest first (default 1 day and 1 hour).' })
  leadMinutes: number[];
  @Field({ description: 'Also by e-mail (in-app always).' })
  email: boolean;
  @Field(() => [Int], { description: 'The lead times one may choose, in minutes.' })
  choices: number[];
}

@ObjectType('HubLocalStart', { description: 'When a meeting starts for one participating hub, in the hub’s time zone.' })
export class HubLocalStartType {
  @Field(() => ID)
  hubId: string;
  @Field()
  hubName: string;
  @Field({ description: 'The hub’s IANA time zone.' })
  timeZone: string;
  @Field({ description: 'Start in the hub’s zone with its offset, e.g. 2027-03-09T20:00:00+07:00.' })
  localStart: string;
  @Field({ description: 'The meeting falls on another calendar day there than in the series’ zone (−1, 0 or +1).' })
  dayOffset: number;
}

@ObjectType('MeetingInvitee')
export class MeetingInviteeType {
  @Field(() => ID)
  memberId: string;
  @Field()
  name: string;
  @Field(() => GraphQLISODateTime)
  invitedAt: Date;
}
