import { AppError } from '@anyam/server/core';

/** Reasons the web app translates, per field. */
export enum CommunityReason {
  Empty = 'empty',
  TooLong = 'tooLong',
  Invalid = 'invalid',
  Unknown = 'unknown',
  OutOfRange = 'outOfRange',
  Taken = 'taken',
  Mismatch = 'mismatch',
  InvalidOrExpired = 'invalidOrExpired',
  OtherEmail = 'otherEmail',
  AlreadyMember = 'alreadyMember',
  AlreadyRequested = 'alreadyRequested',
  NotMember = 'notMember',
  LastCoordinator = 'lastCoordinator',
  AlreadyDecided = 'alreadyDecided',
  RoleNotAllowed = 'roleNotAllowed',
  OneTarget = 'oneTarget',
}

export const CommunityError = {
  empty: (field: string) => AppError.badInput(field, CommunityReason.Empty, 'This field cannot be empty.'),
  tooLong: (field: string, max: number) => AppError.badInput(field, CommunityReason.TooLong, `Use at most ${max} characters.`),
  slugInvalid: (field = 'slug') =>
    AppError.badInput(field, CommunityReason.Invalid, 'Use lower-case letters, digits and single hyphens, like "re-search".'),
  slugTaken: (field = 'slug') => AppError.conflict(field, CommunityReason.Taken, 'This address is already in use. Choose another slug.'),
  timeZoneUnknown: (field = 'timeZone') =>
    AppError.badInput(field, CommunityReason.Unknown, 'Choose a time zone from the list, such as Asia/Jakarta or America/Lima.'),
  countryUnknown: (field = 'country') =>
    AppError.badInput(field, CommunityReason.Unknown, 'Use a two-letter ISO 3166 country code, such as ID or PE.'),
  languageInvalid: (field = 'languages') =>
    AppError.badInput(field, CommunityReason.Invalid, 'Use language tags such as id, es, qu or pt-BR.'),
  latitude: () => AppError.badInput('latitude', CommunityReason.OutOfRange, 'Latitude must be between -90 and 90.'),
  longitude: () => AppError.badInput('longitude', CommunityReason.OutOfRange, 'Longitude must be between -180 and 180.'),
  stage: () => AppError.badInput('stage', CommunityReason.OutOfRange, 'The implementation stage is a number from 1 to 6.'),
  website: () => AppError.badInput('website', CommunityReason.Invalid, 'Enter a web address starting with https:// or http://.'),
  date: (field: string) => AppError.badInput(field, CommunityReason.Invalid, 'Enter a date as YYYY-MM-DD.'),
  workingHours: () =>
    AppError.badInput('workingHours', CommunityReason.Invalid, 'Working hours need a start before the end (HH:MM) and weekdays from 1 (Monday) to 7 (Sunday).'),
  themeUnknown: (field = 'themeKeys') => AppError.badInput(field, CommunityReason.Unknown, 'One of the themes does not exist.'),
  listTooLong: (field: string, max: number) => AppError.badInput(field, CommunityReason.TooLong, `Give at most ${max} items.`),
  allianceRegionMismatch: () =>
    AppError.badInput('allianceId', CommunityReason.Mismatch, 'The alliance belongs to another region than the hub.'),
  oneTarget: () =>
    AppError.badInput('organisationId', CommunityReason.OneTarget, 'Give either an organisation or a hub, not both.'),
  roleNotAllowed: () =>
    AppError.badInput('role', CommunityReason.RoleNotAllowed, 'Organisations have members and coordinators; hubs also have facilitators.'),
  emailInvalid: () => AppError.badInput('email', CommunityReason.Invalid, 'Enter an e-mail address like name@example.org.'),
  invitationInvalid: () =>
    AppError.badInput('token', CommunityReason.InvalidOrExpired, 'This invitation is invalid, expired, revoked or already used. Ask for a new one.'),
  invitationOtherEmail: () =>
    AppError.badInput('token', CommunityReason.OtherEmail, 'This invitation was sent to another e-mail address. Sign in with that address.'),
  alreadyMember: () => AppError.conflict('hubId', CommunityReason.AlreadyMember, 'You are already a member of this hub.'),
  alreadyRequested: () =>
    AppError.conflict('hubId', CommunityReason.AlreadyRequested, 'You have already asked to join this hub; a coordinator will answer.'),
  notMember: (field = 'hubId') => AppError.badInput(field, CommunityReason.NotMember, 'Not a member here.'),
  lastCoordinator: () =>
    AppError.conflict('hubId', CommunityReason.LastCoordinator, 'You are the only coordinator. Make someone else coordinator before you leave.'),
  alreadyDecided: () => AppError.conflict('requestId', CommunityReason.AlreadyDecided, 'This request has already been decided.'),
  verifyForbidden: () => AppError.forbidden('Only network admins can verify an organisation.'),
  hubNotFound: () => AppError.notFound('No such hub.'),
  organisationNotFound: () => AppError.notFound('No such organisation.'),
  regionNotFound: () => AppError.notFound('No such region.'),
  allianceNotFound: () => AppError.notFound('No such alliance.'),
  memberNotFound: () => AppError.notFound('No such member.'),
  requestNotFound: () => AppError.notFound('No such join request.'),
  invitationNotFound: () => AppError.notFound('No such invitation.'),
};
