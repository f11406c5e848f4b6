import { Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingSeriesEntity } from './entities/meeting-series.entity';
import { MeetingSeriesHubEntity } from './entities/meeting-series-hub.entity';
import { OccurrenceOverrideEntity } from './entities/occurrence-override.entity';
import { RsvpEntity } from './entities/rsvp.entity';
import { CreateMeetings1764600000000 } from './migrations/1764600000000-create-meetings';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { MeetingsLoaderFactory } from './meetings.loaders';
import { MeetingOccurrenceResolver, MeetingSeriesResolver } from './meeting.resolver';
import { CalendarController } from './calendar.controller';
import { MeetingPreviewResolver } from './preview.resolver';
import { CalendarTokenService } from './calendar-token.service';
import { CalendarTokenEntity } from './entities/calendar-token.entity';
import { AttendanceEntity } from './entities/attendance.entity';
import { CreateAttendance1764600000002 } from './migrations/1764600000002-create-attendance';
import { OccurrenceNotesEntity } from './entities/occurrence-notes.entity';
import { CreateOccurrenceNotes1764600000003 } from './migrations/1764600000003-create-occurrence-notes';
import { ActionItemEntity } from './entities/action-item.entity';
import { CreateActionItems1764600000004 } from './migrations/1764600000004-create-action-items';
import { CreateCalendarTokens1764600000001 } from './migrations/1764600000001-create-calendar-tokens';

export const MEETINGS_ENTITIES = [MeetingSeriesEntity, MeetingSeriesHubEntity, OccurrenceOverrideEntity, RsvpEntity, CalendarTokenEntity, AttendanceEntity, OccurrenceNotesEntity, ActionItemEntity];
export const MEETINGS_MIGRATIONS = [CreateMeetings1764600000000, CreateCalendarTokens1764600000001, CreateAttendance1764600000002, CreateOccurrenceNotes1764600000003, CreateActionItems1764600000004];
export const MEETINGS_RESOLVERS: Type<unknown>[] = [MeetingSeriesResolver, MeetingOccurrenceResolver, MeetingPreviewResolver];

/** Meetings: series with RRULE in their own zone, per-occurrence overrides, RSVPs with capacity and waitlist. */
@Module({
  imports: [TypeOrmModule.forFeature(MEETINGS_ENTITIES)],
  controllers: [CalendarController],
  providers: [MeetingsRepository, MeetingsService, MeetingsLoaderFactory, CalendarTokenService, ...MEETINGS_RESOLVERS],
  exports: [MeetingsService],
})
export class MeetingsModule {}
