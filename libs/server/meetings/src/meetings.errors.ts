import { AppError } from '@anyam/server/core';

/** Reasons the web app translates, per field. */
export enum MeetingsReason {
  Empty = 'empty',
  TooLong = 'tooLong',
  Invalid = 'invalid',
  Unknown = 'unknown',
  Unbounded = 'unbounded',
  OutOfRange = 'outOfRange',
  BelowRsvps = 'belowRsvps',
  NotAnOccurrence = 'notAnOccurrence',
  Cancelled = 'cancelled',
  Past = 'past',
  OneTarget = 'oneTarget',
  ModeNotOffered = 'modeNotOffered',
}

export const MeetingsError = {
  empty: (field: string) => AppError.badInput(field, MeetingsReason.Empty, 'This field cannot be empty.'),
  tooLong: (field: string, max: number) => AppError.badInput(field, MeetingsReason.TooLong, `Use at most ${max} characters.`),
  timeZoneUnknown: (field = 'timeZone') =>
    AppError.badInput(field, MeetingsReason.Unknown, 'Choose a time zone from the list, such as Asia/Jakarta or America/Lima.'),
  startLocal: () =>
    AppError.badInput('startLocal', MeetingsReason.Invalid, 'Give the start as a local date and time in the meeting’s time zone, such as 2027-03-09T09:00.'),
  duration: (field = 'durationMinutes') =>
    AppError.badInput(field, MeetingsReason.OutOfRange, 'A meeting lasts at least one minute and at most seven days.'),
  endBeforeStart: (field = 'end') => AppError.badInput(field, MeetingsReason.OutOfRange, 'The end must be after the start.'),
  untilBeforeStart: () =>
    AppError.badInput('rrule', MeetingsReason.OutOfRange, 'The repeat rule ends before the first meeting. Move the end (UNTIL) after the start.'),
  noOccurrence: () =>
    AppError.badInput('rrule', MeetingsReason.Invalid, 'This repeat rule never gives a meeting date. Check the days and months in the rule.'),
  capacity: (field: string) => AppError.badInput(field, MeetingsReason.OutOfRange, 'Capacity is a whole number of at least 0; leave it empty for no limit.'),
  capacityBelowRsvps: (field: string, taken: number) =>
    AppError.badInput(
      field,
      MeetingsReason.BelowRsvps,
      `${taken} people already have a seat in this mode. Capacity cannot be lower; ask people to change their answer first.`,
    ),
  url: () => AppError.badInput('onlineUrl', MeetingsReason.Invalid, 'Enter the meeting link as a web address starting with https:// or http://.'),
  placeNeeded: () => AppError.badInput('place', MeetingsReason.Empty, 'In-person and hybrid meetings need a place.'),
  linkNeeded: () => AppError.badInput('onlineUrl', MeetingsReason.Empty, 'Online and hybrid meetings need a link.'),
  hubUnknown: (field: string) => AppError.badInput(field, MeetingsReason.Unknown, 'One of the hubs does not exist.'),
  regionUnknown: () => AppError.badInput('regionId', MeetingsReason.Unknown, 'This region does not exist.'),
  notAnOccurrence: (field = 'occurrenceStart') =>
    AppError.badInput(field, MeetingsReason.NotAnOccurrence, 'The series has no meeting at this time. Pick a date from its list of meetings.'),
  occurrenceCancelled: (field = 'occurrenceStart') => AppError.badInput(field, MeetingsReason.Cancelled, 'This meeting has been cancelled.'),
  occurrencePast: (field = 'occurrenceStart') => AppError.badInput(field, MeetingsReason.Past, 'This meeting has already taken place.'),
  oneTarget: () =>
    AppError.badInput('occurrenceStart', MeetingsReason.OneTarget, 'Answer either for one meeting (occurrenceStart) or for the whole series, not both.'),
  modeNotOffered: (mode: 'in person' | 'online') =>
    AppError.badInput('response', MeetingsReason.ModeNotOffered, `This meeting cannot be attended ${mode}.`),
  window: () => AppError.badInput('to', MeetingsReason.OutOfRange, 'Choose an end after the start and a range of at most 400 days.'),
  count: () => AppError.badInput('count', MeetingsReason.OutOfRange, 'Ask for 1 to 50 meetings.'),
  seriesNotFound: () => AppError.notFound('No such meeting.'),
  forbidden: () => AppError.forbidden('Only coordinators of the organising hub (or network admins) can change this meeting.'),
};

export const AttendanceError = {
  notStarted: () =>
    AppError.badInput('occurrenceStart', 'notStarted', 'Attendance can be recorded once the meeting has started.'),
  tooMany: () => AppError.badInput('entries', 'tooLong', 'Record at most 500 people at a time.'),
  memberUnknown: () => AppError.badInput('entries', 'unknown', 'One of the members does not exist.'),
};

export const NotesError = {
  agendaTooLong: () => AppError.badInput('items', 'tooLong', 'An agenda has at most 50 items.'),
  itemTitle: (i: number) => AppError.badInput(`items.${i}.title`, 'empty', `Agenda item ${i + 1} needs a title of at most 200 characters.`),
  itemPresenter: (i: number) => AppError.badInput(`items.${i}.presenter`, 'tooLong', `The presenter of item ${i + 1} has at most 120 characters.`),
  itemMinutes: (i: number) => AppError.badInput(`items.${i}.minutesAllotted`, 'outOfRange', `Item ${i + 1}: give 1 to 600 minutes, or leave it empty.`),
  minutesTooLong: () => AppError.badInput('minutes', 'tooLong', 'Minutes have at most 100 000 characters.'),
};

export const ActionItemError = {
  description: () => AppError.badInput('description', 'empty', 'Describe the action in 1 to 2000 characters.'),
  dueOn: () => AppError.badInput('dueOn', 'invalid', 'Enter the due date as YYYY-MM-DD.'),
  ownerUnknown: () => AppError.badInput('ownerId', 'unknown', 'This member does not exist.'),
  notFound: () => AppError.notFound('No such action item.'),
  ownerOnlyStatus: () => AppError.forbidden('As the owner you can change the status; organisers change the rest.'),
};

export const InvitationError = {
  empty: () => AppError.badInput('memberIds', 'empty', 'Choose at least one member.'),
  tooMany: (max: number) => AppError.badInput('memberIds', 'tooLong', `A meeting can have at most ${max} invitations (and at most 200 at a time).`),
  memberUnknown: () => AppError.badInput('memberIds', 'unknown', 'One of the members does not exist.'),
};

export const MinutesError = {
  empty: () => AppError.badInput('occurrenceStart', 'empty', 'Save the minutes before publishing them.'),
  noGroup: () => AppError.badInput('groupId', 'unknown', 'The organising hub has no forum group to publish to. Ask a coordinator to create one.'),
  groupElsewhere: () => AppError.badInput('groupId', 'invalid', 'Publish to a forum group of the organising hub.'),
};
