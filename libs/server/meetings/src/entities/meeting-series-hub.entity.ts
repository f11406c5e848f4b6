import { Entity, PrimaryColumn } from 'typeorm';

/** A hub taking part in a series (the organising hub is always one). */
@Entity('meeting_series_hubs')
export class MeetingSeriesHubEntity {
  @PrimaryColumn({ type: 'uuid' })
  seriesId: string;

  @PrimaryColumn({ type: 'uuid' })
  hubId: string;
}
