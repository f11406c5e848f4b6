import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import ical, { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { memberActor, Public, RoleGrant } from '@anyam/server/core';
import { MeetingSeriesEntity } from './entities/meeting-series.entity';
import { OccurrenceOverrideEntity } from './entities/occurrence-override.entity';
import { MeetingsRepository } from './meetings.repository';
import { toRecurring } from './meeting.mapper';
import { expandOccurrences, isRuleStart, parseLocal, seriesBounds } from './occurrences';
import { vtimezone } from './vtimezone';
import { CalendarTokenService } from './calendar-token.service';

const TOKEN_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;
const OCCURRENCE_FILE = /^(\d{8}T\d{6}Z)\.ics$/;

const SLUG_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.ics$/;
const utcStamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The UID of a series in every feed and download: stable across feeds and edits. */
export const seriesUid = (seriesId: string) => `${seriesId}@meetings.anyam`;

/**
 * Public iCalendar feeds (RFC 5545) of a region's and a hub's public meetings: one VEVENT per series with
 * DTSTART in the series' zone (VTIMEZONE included) and its RRULE, EXDATE for cancelled meetings, and a
 * RECURRENCE-ID VEVENT for each moved one; SEQUENCE follows the series. Only `public` series.
 */
@Controller('ical')
export class CalendarController {
  constructor(
    private readonly repo: MeetingsRepository,
    private readonly tokens: CalendarTokenService,
  ) {}

  /**
   * A member's private feed: every series they answered going or maybe to (for the whole series or one
   * of its meetings) that they may still see, with the online link. The secret in the path is the key.
   */
  @Public()
  @Get('me/:file')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  async me(@Param('file') file: string): Promise<string> {
    const m = TOKEN_FILE.exec(file);
    const memberId = m ? await this.tokens.memberOf(m[1]) : null;
    if (!memberId) throw new NotFoundException('This calendar link is not valid (any more). Make a new one in your meeting settings.');
    const grants: RoleGrant[] = await this.repo.db.query(`SELECT role, scope, scope_id AS "scopeId" FROM role_grants WHERE member_id = $1`, [memberId]);
    const actor = memberActor(memberId, grants);
    const series = await this.repo
      .visibleSeries(this.repo.series().createQueryBuilder('s'), actor)
      .andWhere(`EXISTS (SELECT 1 FROM rsvps r WHERE r.series_id = s.id AND r.member_id = :memberId AND r.response <> 'not_going')`, { memberId })
      .orderBy('s.id')
      .getMany();
    return this.feed('Anyam — my meetings', series, true);
  }

  @Public()
  @Get('regions/:file')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  async region(@Param('file') file: string): Promise<string> {
    const slug = this.slug(file);
    const [region] = await this.repo.db.query(`SELECT id, name FROM regions WHERE slug = $1`, [slug]);
    if (!region) throw new NotFoundException('No such region.');
    const series = await this.repo.series().createQueryBuilder('s').where(`s.visibility = 'public'`).andWhere('s.region_id = :id', { id: region.id }).orderBy('s.id').getMany();
    return this.feed(`Anyam — ${region.name}`, series);
  }

  @Public()
  @Get('hubs/:file')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  async hub(@Param('file') file: string): Promise<string> {
    const slug = this.slug(file);
    const [hub] = await this.repo.db.query(`SELECT id, name FROM hubs WHERE slug = $1 AND visibility = 'public'`, [slug]);
    if (!hub) throw new NotFoundException('No such hub.');
    const series = await this.repo
      .series()
      .createQueryBuilder('s')
      .where(`s.visibility = 'public'`)
      .andWhere('EXISTS (SELECT 1 FROM meeting_series_hubs sh WHERE sh.series_id = s.id AND sh.hub_id = :id)', { id: hub.id })
      .orderBy('s.id')
      .getMany();
    return this.feed(`Anyam — ${hub.name}`, series);
  }

  /**
   * One meeting of a public series, to add to a calendar: same UID as the feeds and RECURRENCE-ID = the
   * original start, so a calendar that also subscribes to a feed sees one event.
   */
  @Public()
  @Get('meetings/:seriesId/:file')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  async occurrence(@Param('seriesId') seriesId: string, @Param('file') file: string): Promise<string> {
    const m = OCCURRENCE_FILE.exec(file);
    const notFound = () => new NotFoundException('No such public meeting.');
    if (!m || !/^[0-9a-f-]{36}$/i.test(seriesId)) throw notFound();
    const c = m[1];
    const original = new Date(`${c.slice(0, 4)}-${c.slice(4, 6)}-${c.slice(6, 8)}T${c.slice(9, 11)}:${c.slice(11, 13)}:${c.slice(13, 15)}Z`);
    const series = await this.repo.series().findOneBy({ id: seriesId, visibility: 'public' });
    if (!series || Number.isNaN(original.getTime()) || !isRuleStart(toRecurring(series), original)) throw notFound();
    const overrides = (await this.repo.overridesBySeries([series.id])).get(series.id) ?? [];
    const own = overrides.filter((o) => o.originalStart.getTime() === original.getTime());
    const start = own[0]?.newStart ?? original;
    const [o] = expandOccurrences(toRecurring(series), own, new Date(start.getTime()), new Date(start.getTime() + 1), { includeCancelled: true });
    const cal = ical({ name: series.title, prodId: { company: 'Anyam', product: 'meetings', language: 'EN' } });
    cal.createEvent({
      id: seriesUid(series.id),
      recurrenceId: series.rrule ? original : null,
      start: o.start,
      end: o.end,
      summary: series.title,
      description: [o.note, series.description].filter(Boolean).join('\n\n') || null,
      location: series.place,
      sequence: series.sequence,
      status: o.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    return cal.toString();
  }

  private slug(file: string): string {
    const m = SLUG_FILE.exec(file);
    if (!m) throw new NotFoundException('Calendar feeds are at /ical/regions/<slug>.ics and /ical/hubs/<slug>.ics.');
    return m[1];
  }

  private async feed(name: string, series: MeetingSeriesEntity[], withLinks = false): Promise<string> {
    const overrides = await this.repo.overridesBySeries(series.map((s) => s.id));
    const cal = ical({ name, prodId: { company: 'Anyam', product: 'meetings', language: 'EN' } });
    const years = new Map<string, [number, number]>();
    for (const s of series) {
      this.addSeries(cal, s, overrides.get(s.id) ?? [], withLinks);
      const first = parseLocal(s.startLocal)!.getUTCFullYear() - 1;
      const last = new Date().getUTCFullYear() + 10;
      const [a, b] = years.get(s.timeZone) ?? [first, last];
      years.set(s.timeZone, [Math.min(a, first), Math.max(b, last)]);
    }
    const zones = [...years].map(([zone, [from, to]]) => vtimezone(zone, from, to)).join('\r\n');
    const text = cal.toString();
    if (!zones) return text;
    // ical-generator writes one calendar-wide zone at most; a feed mixes zones, so VTIMEZONEs go in here.
    const at = text.indexOf('BEGIN:VEVENT');
    return `${text.slice(0, at)}${zones}\r\n${text.slice(at)}`;
  }

  private addSeries(cal: ICalCalendar, s: MeetingSeriesEntity, overrides: OccurrenceOverrideEntity[], withLinks: boolean): void {
    const uid = seriesUid(s.id);
    const rule = toRecurring(s);
    const first = seriesBounds(rule).firstStart;
    const description = [s.description, withLinks && s.onlineUrl ? `Online: ${s.onlineUrl}` : ''].filter(Boolean).join('\n\n') || null;
    const common = { summary: s.title, description, location: s.place, url: withLinks ? s.onlineUrl : null, sequence: s.sequence, lastModified: s.updatedAt };
    if (!s.rrule) {
      const o = overrides.find((x) => x.originalStart.getTime() === first.getTime());
      const start = o?.newStart ?? first;
      const minutes = o?.newDurationMinutes ?? s.durationMinutes;
      cal.createEvent({
        ...common,
        id: uid,
        start: DateTime.fromJSDate(start, { zone: s.timeZone }),
        end: DateTime.fromJSDate(new Date(start.getTime() + minutes * 60_000), { zone: s.timeZone }),
        timezone: s.timeZone,
        status: o?.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
      return;
    }
    const exdates = overrides.filter((o) => o.cancelled).map((o) => `EXDATE:${utcStamp(o.originalStart)}`);
    cal.createEvent({
      ...common,
      id: uid,
      start: DateTime.fromJSDate(first, { zone: s.timeZone }),
      end: DateTime.fromJSDate(new Date(first.getTime() + s.durationMinutes * 60_000), { zone: s.timeZone }),
      timezone: s.timeZone,
      repeating: [`RRULE:${s.rrule}`, ...exdates].join('\r\n'),
    });
    for (const o of overrides) {
      if (o.cancelled || (!o.newStart && o.newDurationMinutes === null)) continue;
      const start = o.newStart ?? o.originalStart;
      cal.createEvent({
        ...common,
        id: uid,
        recurrenceId: o.originalStart,
        start,
        end: new Date(start.getTime() + (o.newDurationMinutes ?? s.durationMinutes) * 60_000),
        description: o.note ? `${o.note}\n\n${common.description ?? ''}`.trim() : common.description,
      });
    }
  }
}

