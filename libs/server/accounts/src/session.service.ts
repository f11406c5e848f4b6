import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig, TokenService } from '@anyam/server/core';
import { SessionEntity } from './entities/session.entity';
import { MemberEntity } from './entities/member.entity';
import { MemberRepository } from './member.repository';
import { AccountsError } from './accounts.errors';
import { hashToken, newSecretToken } from './secret-token';

/** Two tabs refreshing at the same moment both present the same token; allow that briefly. */
const ROTATION_GRACE_MS = 30_000;

export interface IssuedSession {
  member: MemberEntity;
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
}

@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly members: MemberRepository,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
  ) {}

  /** A new session family after sign-up or sign-in. */
  start(member: MemberEntity, userAgent?: string): Promise<IssuedSession> {
    return this.issue(member, randomUUID(), userAgent);
  }

  /** Exchanges a refresh token for a new one (rotation) and a fresh access token. */
  async refresh(refreshToken: string | null, userAgent?: string): Promise<IssuedSession> {
    if (!refreshToken) throw AccountsError.sessionEnded();
    const repo = this.db.getRepository(SessionEntity);
    const session = await repo.findOneBy({ tokenHash: hashToken(refreshToken) });
    if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) throw AccountsError.sessionEnded();

    // Mark as rotated atomically: only one of several concurrent refreshes wins outright.
    const won = await repo
      .createQueryBuilder()
      .update()
      .set({ rotatedAt: () => 'now()' })
      .where('id = :id AND rotated_at IS NULL', { id: session.id })
      .execute();
    if (!won.affected) {
      const fresh = await repo.findOneByOrFail({ id: session.id });
      const withinGrace = fresh.rotatedAt && Date.now() - fresh.rotatedAt.getTime() < ROTATION_GRACE_MS;
      if (!withinGrace) {
        // An old token came back: someone may have copied it. End every session of this family.
        await this.revokeFamily(session.familyId);
        throw AccountsError.sessionEnded();
      }
    }
    const member = await this.members.findById(session.memberId);
    if (!member) throw AccountsError.sessionEnded();
    return this.issue(member, session.familyId, userAgent);
  }

  /** Ends the session the refresh token belongs to (and its whole family). */
  async end(refreshToken: string | null): Promise<void> {
    if (!refreshToken) return;
    const session = await this.db.getRepository(SessionEntity).findOneBy({ tokenHash: hashToken(refreshToken) });
    if (session) await this.revokeFamily(session.familyId);
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db.getRepository(SessionEntity).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Ends every session of a member, e.g. after a password reset; optionally keeping one family. */
  async revokeAllOf(memberId: string, exceptFamilyOf?: string | null): Promise<void> {
    const qb = this.db
      .getRepository(SessionEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('member_id = :memberId AND revoked_at IS NULL', { memberId });
    if (exceptFamilyOf) {
      qb.andWhere('family_id <> COALESCE((SELECT family_id FROM sessions WHERE token_hash = :hash), gen_random_uuid())', {
        hash: hashToken(exceptFamilyOf),
      });
    }
    await qb.execute();
  }

  private async issue(member: MemberEntity, familyId: string, userAgent?: string): Promise<IssuedSession> {
    const { token, hash } = newSecretToken();
    await this.db.getRepository(SessionEntity).insert({
      memberId: member.id,
      familyId,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_DAYS * 86_400_000),
      userAgent: userAgent?.slice(0, 256) ?? null,
    });
    const grants = await this.members.grantsOf(member.id);
    const access = this.tokens.issueAccessToken(member.id, grants);
    return { member, accessToken: access.token, expiresAt: access.expiresAt, refreshToken: token };
  }
}
