import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { ActionItemStatusEnum, AttendanceStatusEnum, MeetingKindEnum, MeetingModeEnum, MeetingVisibilityEnum, RsvpResponseEnum } from '../meetings.enums';

@InputType()
export class MeetingFilter {
  @Field(() => ID, { nullable: true })
  regionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Meetings this hub organises or takes part in.' })
  hubId?: string | null;
  @Field(() => MeetingKindEnum, { nullable: true })
  kind?: MeetingKindEnum | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Default: now.' })
  from?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Exclusive. Default: 31 days after from; at most 400 days after it.' })
  to?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Only meetings I answered going or maybe to (none for visitors).' })
  attending?: boolean | null;
}

@InputType()
export class CreateMeetingSeriesInput {
  @Field()
  title: string;
  @Field({ nullable: true })
  description?: string;
  @Field(() => MeetingKindEnum)
  kind: MeetingKindEnum;
  @Field(() => ID)
  organisingHubId: string;
  @Field(() => [ID], { nullable: true, description: 'Other hubs taking part (the organising hub always does).' })
  participatingHubIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Default: the organising hub’s region.' })
  regionId?: string | null;
  @Field({ description: 'IANA time zone, e.g. Asia/Jakarta.' })
  timeZone: string;
  @Field({ description: 'Local date-time of the first meeting in timeZone, YYYY-MM-DDTHH:mm.' })
  startLocal: string;
  @Field(() => Int)
  durationMinutes: number;
  @Field(() => String, { nullable: true, description: 'RFC 5545 RRULE value, e.g. FREQ=MONTHLY;BYDAY=2TU. Empty for a single meeting.' })
  rrule?: string | null;
  @Field(() => MeetingModeEnum)
  mode: MeetingModeEnum;
  @Field(() => String, { nullable: true })
  place?: string | null;
  @Field(() => String, { nullable: true })
  onlineUrl?: string | null;
  @Field(() => Int, { nullable: true })
  capacityInPerson?: number | null;
  @Field(() => Int, { nullable: true })
  capacityOnline?: number | null;
  @Field(() => MeetingVisibilityEnum, { nullable: true, description: 'Default: public.' })
  visibility?: MeetingVisibilityEnum | null;
}

@InputType({ description: 'Only the fields given change; every change bumps the iCalendar SEQUENCE.' })
export class UpdateMeetingSeriesInput {
  @Field(() => ID)
  id: string;
  @Field({ nullable: true })
  title?: string;
  @Field({ nullable: true })
  description?: string;
  @Field(() => MeetingKindEnum, { nullable: true })
  kind?: MeetingKindEnum;
  @Field(() => [ID], { nullable: true })
  participatingHubIds?: string[] | null;
  @Field({ nullable: true })
  timeZone?: string;
  @Field({ nullable: true })
  startLocal?: string;
  @Field(() => Int, { nullable: true })
  durationMinutes?: number;
  @Field(() => String, { nullable: true, description: 'Give an empty string to make it a single meeting.' })
  rrule?: string | null;
  @Field(() => MeetingModeEnum, { nullable: true })
  mode?: MeetingModeEnum;
  @Field(() => String, { nullable: true })
  place?: string | null;
  @Field(() => String, { nullable: true })
  onlineUrl?: string | null;
  @Field(() => Int, { nullable: true, description: 'Give -1 to remove the limit.' })
  capacityInPerson?: number | null;
  @Field(() => Int, { nullable: true, description: 'Give -1 to remove the limit.' })
  capacityOnline?: number | null;
  @Field(() => MeetingVisibilityEnum, { nullable: true })
  visibility?: MeetingVisibilityEnum;
}

@InputType()
export class CancelOccurrenceInput {
  @Field(() => ID)
  seriesId: string;
  @Field(() => GraphQLISODateTime, { description: 'The occurrence’s original start.' })
  occurrenceStart: Date;
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class RescheduleOccurrenceInput {
  @Field(() => ID)
  seriesId: string;
  @Field(() => GraphQLISODateTime, { description: 'The occurrence’s original start.' })
  occurrenceStart: Date;
  @Field(() => GraphQLISODateTime)
  newStart: Date;
  @Field(() => GraphQLISODateTime)
  newEnd: Date;
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class RsvpInput {
  @Field(() => ID)
  seriesId: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The occurrence’s original (or moved) start. Omit with wholeSeries.' })
  occurrenceStart?: Date | null;
  @Field({ nullable: true, description: 'Answer for every meeting of the series.' })
  wholeSeries?: boolean;
  @Field(() => RsvpResponseEnum)
  response: RsvpResponseEnum;
}

@InputType()
export class AttendanceEntryInput {
  @Field(() => ID)
  memberId: string;
  @Field(() => AttendanceStatusEnum)
  status: AttendanceStatusEnum;
}

@InputType({ description: 'Replaces what was recorded for these members; others stay as they were.' })
export class RecordAttendanceInput {
  @Field(() => ID)
  seriesId: string;
  @Field(() => GraphQLISODateTime, { description: 'The occurrence’s original (or moved) start.' })
  occurrenceStart: Date;
  @Field(() => [AttendanceEntryInput])
  entries: AttendanceEntryInput[];
}

@InputType()
export class AgendaItemInput {
  @Field()
  title: string;
  @Field(() => String, { nullable: true })
  presenter?: string | null;
  @Field(() => Int, { nullable: true })
  minutesAllotted?: number | null;
}

@InputType({ description: 'Replaces the whole agenda of one meeting.' })
export class SetAgendaInput {
  @Field(() => ID)
  seriesId: string;
  @Field(() => GraphQLISODateTime, { description: 'The occurrence’s original (or moved) start.' })
  occurrenceStart: Date;
  @Field(() => [AgendaItemInput])
  items: AgendaItemInput[];
}

@InputType()
export class SaveMinutesInput {
  @Field(() => ID)
  seriesId: string;
  @Field(() => GraphQLISODateTime, { description: 'The occurrence’s original (or moved) start.' })
  occurrenceStart: Date;
  @Field({ description: 'Markdown.' })
  minutes: string;
}

@InputType()
export class AddActionItemInput {
  @Field(() => ID)
  seriesId: string;
  @Field(() => GraphQLISODateTime, { description: 'The occurrence’s original (or moved) start.' })
  occurrenceStart: Date;
  @Field()
  description: string;
  @Field(() => ID, { nullable: true })
  ownerId?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dueOn?: string | null;
}

@InputType({ description: 'Organisers change any field; the owner only the status.' })
export class UpdateActionItemInput {
  @Field(() => ID)
  id: string;
  @Field({ nullable: true })
  description?: string;
  @Field(() => ID, { nullable: true, description: 'Give an empty string to clear the owner.' })
  ownerId?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; an empty string clears it.' })
  dueOn?: string | null;
  @Field(() => ActionItemStatusEnum, { nullable: true })
  status?: ActionItemStatusEnum;
}

@InputType()
export class PublishMinutesInput {
  @Field(() => ID)
  seriesId: string;
  @Field(() => GraphQLISODateTime, { description: 'The occurrence’s original (or moved) start.' })
  occurrenceStart: Date;
  @Field(() => ID, { nullable: true, description: 'A forum group of the organising hub; default: its oldest hub group. Ignored once published (the same thread is updated).' })
  groupId?: string | null;
}

@InputType({ description: 'Replaces my reminder choices; they apply to every meeting I answered going or maybe to.' })
export class SetReminderPreferencesInput {
  @Field(() => [Int], { description: 'Minutes before the start, from ReminderPreferences.choices; at most 5; empty for no reminders.' })
  leadMinutes: number[];
  @Field(() => Boolean, { nullable: true, description: 'Also by e-mail (in-app always). Default: unchanged (true at first).' })
  email?: boolean | null;
}
