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
import { MeetingOccurrenceResolver, MeetingSeriesResolver, ReminderPreferencesResolver } from './meeting.resolver';
import { ForumModule } from '@anyam/server/forum';
import { CommunityModule } from '@anyam/server/community';
import { AccountsModule } from '@anyam/server/accounts';
import { RemindersService } from './reminders.service';
import { MeetingInvitationEntity } from './entities/meeting-invitation.entity';
import { ReminderPreferencesEntity } from './entities/reminder-preferences.entity';
import { ReminderPlanEntity } from './entities/reminder-plan.entity';
import { ReminderSentEntity } from './entities/reminder-sent.entity';
import { RemindersInvitations1764600000005 } from './migrations/1764600000005-reminders-invitations';
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

export const MEETINGS_ENTITIES = [MeetingSeriesEntity, MeetingSeriesHubEntity, OccurrenceOverrideEntity, RsvpEntity, CalendarTokenEntity, AttendanceEntity, OccurrenceNotesEntity, ActionItemEntity, MeetingInvitationEntity, ReminderPreferencesEntity, ReminderPlanEntity, ReminderSentEntity];
export const MEETINGS_MIGRATIONS = [CreateMeetings1764600000000, CreateCalendarTokens1764600000001, CreateAttendance1764600000002, CreateOccurrenceNotes1764600000003, CreateActionItems1764600000004, RemindersInvitations1764600000005];
export const MEETINGS_RESOLVERS: Type<unknown>[] = [MeetingSeriesResolver, MeetingOccurrenceResolver, MeetingPreviewResolver, ReminderPreferencesResolver];

/**
 * Meetings: series with RRULE in their own zone, per-occurrence overrides, RSVPs with capacity and waitlist,
 * invitations, reminders as durable jobs, minutes published to the forum.
 */
@Module({
  // Other domains only through their exported services and loaders: forum (publish minutes), community (hub zones).
  imports: [TypeOrmModule.forFeature(MEETINGS_ENTITIES), AccountsModule, CommunityModule, ForumModule],
  controllers: [CalendarController],
  providers: [MeetingsRepository, MeetingsService, MeetingsLoaderFactory, CalendarTokenService, RemindersService, ...MEETINGS_RESOLVERS],
  exports: [MeetingsService],
})
export class MeetingsModule {}
