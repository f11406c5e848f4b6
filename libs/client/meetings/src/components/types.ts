import type { MeetingsOccurrenceQuery } from '@anyam/client/graphql';

export type Occurrence = MeetingsOccurrenceQuery['meetingOccurrence'];
export type Series = MeetingsOccurrenceQuery['meetingSeries'];
