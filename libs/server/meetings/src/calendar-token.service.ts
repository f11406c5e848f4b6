import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { MemberActor } from '@anyam/server/core';
import { CalendarTokenEntity } from './entities/calendar-token.entity';
import { MeetingsRepository } from './meetings.repository';

export const hashCalendarToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class CalendarTokenService {
  constructor(private readonly repo: MeetingsRepository) {}

  /** A new secret for the member's private feed; the previous one stops working. */
  async regenerate(actor: MemberActor): Promise<{ path: string }> {
    const token = randomBytes(32).toString('base64url');
    await this.repo.db.getRepository(CalendarTokenEntity).upsert({ memberId: actor.memberId, tokenHash: hashCalendarToken(token) }, ['memberId']);
    return { path: `/ical/me/${token}.ics` };
  }

  async memberOf(token: string): Promise<string | null> {
    const row = await this.repo.db.getRepository(CalendarTokenEntity).findOneBy({ tokenHash: hashCalendarToken(token) });
    return row?.memberId ?? null;
  }
}
