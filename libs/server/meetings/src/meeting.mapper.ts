import { Actor } from '@anyam/server/core';
import { MeetingSeriesEntity } from './entities/meeting-series.entity';
import { RsvpEntity } from './entities/rsvp.entity';
import { MeetingOccurrenceType, MeetingSeriesType, RsvpType } from './graphql/meeting.type';
import { MeetingKindEnum, MeetingModeEnum, MeetingVisibilityEnum, RsvpResponseEnum } from './meetings.enums';
import { MeetingsPolicy, ViewerHubs } from './meetings.policy';
import { localIso, Occurrence, RecurringSeries } from './occurrences';

export function toRecurring(e: MeetingSeriesEntity): RecurringSeries {
  return { timeZone: e.timeZone, startLocal: e.startLocal, durationMinutes: e.durationMinutes, rrule: e.rrule };
}

export function occurrenceId(seriesId: string, originalStart: Date): string {
  return `${seriesId}@${originalStart.toISOString()}`;
}

export function toSeriesType(e: MeetingSeriesEntity, hubIds: string[], actor: Actor, viewer: ViewerHubs): MeetingSeriesType {
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    kind: e.kind as MeetingKindEnum,
    organisingHubId: e.organisingHubId,
    participatingHubIds: hubIds,
    regionId: e.regionId,
    timeZone: e.timeZone,
    startLocal: e.startLocal,
    firstStart: e.firstStart,
    durationMinutes: e.durationMinutes,
    rrule: e.rrule,
    mode: e.mode as MeetingModeEnum,
    place: e.place,
    onlineUrl: MeetingsPolicy.canSeeOnlineUrl(actor, e, hubIds, viewer) ? e.onlineUrl : null,
    capacityInPerson: e.capacityInPerson,
    capacityOnline: e.capacityOnline,
    visibility: e.visibility as MeetingVisibilityEnum,
    sequence: e.sequence,
    viewerCanEdit: MeetingsPolicy.canEditSeries(actor, e, viewer),
    viewerCanRsvp: MeetingsPolicy.canRsvp(actor, e, hubIds, viewer),
  };
}

export function toOccurrenceType(e: MeetingSeriesEntity, o: Occurrence, hubIds: string[], actor: Actor, viewer: ViewerHubs): MeetingOccurrenceType {
  return {
    id: occurrenceId(e.id, o.originalStart),
    seriesId: e.id,
    originalStart: o.originalStart,
    start: o.start,
    end: o.end,
    timeZone: e.timeZone,
    localStart: localIso(o.start, e.timeZone),
    title: e.title,
    kind: e.kind as MeetingKindEnum,
    mode: e.mode as MeetingModeEnum,
    place: e.place,
    onlineUrl: MeetingsPolicy.canSeeOnlineUrl(actor, e, hubIds, viewer) ? e.onlineUrl : null,
    cancelled: o.cancelled,
    rescheduled: o.rescheduled,
    note: o.note,
    viewerCanEdit: MeetingsPolicy.canEditSeries(actor, e, viewer),
    viewerCanRsvp: !o.cancelled && o.end.getTime() > Date.now() && MeetingsPolicy.canRsvp(actor, e, hubIds, viewer),
    icsPath: e.visibility === 'public' ? `/ical/meetings/${e.id}/${o.originalStart.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}.ics` : null,
    capacityInPerson: e.mode === 'online' ? 0 : e.capacityInPerson,
    capacityOnline: e.mode === 'in_person' ? 0 : e.capacityOnline,
    participatingHubIds: hubIds,
    organisingHubId: e.organisingHubId,
  };
}

export function toRsvpType(r: Pick<RsvpEntity, 'seriesId' | 'occurrenceStart' | 'response' | 'waitlisted'>, rank: number | null): RsvpType {
  return {
    seriesId: r.seriesId,
    occurrenceStart: r.occurrenceStart,
    response: r.response as RsvpResponseEnum,
    waitlisted: r.waitlisted,
    waitlistPosition: r.waitlisted ? rank : null,
  };
}
