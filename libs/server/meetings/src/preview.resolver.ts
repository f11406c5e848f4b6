import { Field, GraphQLISODateTime, InputType, Int, ObjectType, Query, Resolver, Args } from '@nestjs/graphql';
import { Permission } from '@anyam/shared/domain';
import { AppError, RequirePermission } from '@anyam/server/core';
import { isValidTimeZone, localIso, nextOccurrences, parseLocal, RecurrenceError, seriesBounds, validateRrule } from './occurrences';
import { MeetingsError } from './meetings.errors';

@InputType({ description: 'A series being written in the form: its start, zone and rule.' })
export class PreviewMeetingOccurrencesInput {
  @Field({ description: 'IANA time zone, e.g. Asia/Jakarta.' })
  timeZone!: string;

  @Field({ description: 'Local date-time of the first meeting in timeZone, YYYY-MM-DDTHH:mm.' })
  startLocal!: string;

  @Field(() => String, { nullable: true, description: 'RFC 5545 RRULE value; empty for a single meeting.' })
  rrule?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many meetings, 1 to 10. Default 5.' })
  count?: number | null;
}

@ObjectType({ description: 'One meeting the rule would give.' })
export class MeetingPreviewOccurrence {
  @Field(() => GraphQLISODateTime)
  start!: Date;

  @Field({ description: 'Start in the series’ zone with its offset, e.g. 2027-03-09T09:00:00+07:00.' })
  localStart!: string;
}

/**
 * The next meetings a rule gives, for the series form: the phone sends the rule and gets instants back,
 * so rrule never ships to the browser. Pure computation: nothing is read or stored.
 */
@Resolver()
export class MeetingPreviewResolver {
  @RequirePermission(Permission.CoordinateHub)
  @Query(() => [MeetingPreviewOccurrence], {
    description: 'The next meetings (from now, or from the first start when later) a start, zone and rule give.',
  })
  previewMeetingOccurrences(@Args('input') input: PreviewMeetingOccurrencesInput): MeetingPreviewOccurrence[] {
    const count = input.count ?? 5;
    if (!Number.isInteger(count) || count < 1 || count > 10) throw AppError.badInput('count', 'outOfRange', 'Ask for 1 to 10 meetings.');
    if (!isValidTimeZone(input.timeZone)) throw MeetingsError.timeZoneUnknown();
    if (!parseLocal(input.startLocal)) throw MeetingsError.startLocal();
    try {
      const rrule = input.rrule?.trim() ? validateRrule(input.rrule) : null;
      const series = { timeZone: input.timeZone, startLocal: input.startLocal, durationMinutes: 1, rrule };
      const { firstStart } = seriesBounds(series);
      const from = new Date(Math.max(Date.now(), firstStart.getTime()));
      return nextOccurrences(series, [], from, count).map((o) => ({ start: o.start, localStart: localIso(o.start, input.timeZone) }));
    } catch (e) {
      if (e instanceof RecurrenceError) throw AppError.badInput(e.field, e.reason, e.message);
      throw e;
    }
  }
}
