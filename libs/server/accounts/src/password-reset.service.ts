import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { AppConfig, MailService, RateLimitRule, RateLimitService } from '@anyam/server/core';
import { DEFAULT_LOCALE, isEmail, isLocale } from '@anyam/shared/domain';
import { PasswordResetEntity } from './entities/password-reset.entity';
import { MemberRepository } from './member.repository';
import { MemberService } from './member.service';
import { SessionService } from './session.service';
import { AccountsError } from './accounts.errors';
import { validate } from './account-validation';
import { hashToken, newSecretToken } from './secret-token';
import { passwordResetMail } from './password-reset.mail';

const RESET_TTL_MS = 60 * 60 * 1000;
export const RESET_REQUESTS_PER_IP: RateLimitRule = { name: 'reset:ip', points: 10, durationSeconds: 3600 };
export const RESET_REQUESTS_PER_EMAIL: RateLimitRule = { name: 'reset:email', points: 3, durationSeconds: 3600 };
export const RESET_FAILURES_PER_IP: RateLimitRule = { name: 'reset-use:ip', points: 20, durationSeconds: 3600 };

@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly members: MemberRepository,
    private readonly memberService: MemberService,
    private readonly sessions: SessionService,
    private readonly mail: MailService,
    private readonly rateLimits: RateLimitService,
    private readonly config: AppConfig,
  ) {}

  /** Mails a single-use link if an account exists. Answers the same either way, so addresses cannot be probed. */
  async request(rawEmail: string, ip: string): Promise<void> {
    const email = rawEmail.trim().toLowerCase();
    if (!isEmail(email)) throw AccountsError.emailInvalid();
    await this.rateLimits.consume(RESET_REQUESTS_PER_IP, ip);
    await this.rateLimits.consume(RESET_REQUESTS_PER_EMAIL, email);
    const member = await this.members.findByEmail(email);
    if (!member) return;
    const { token, hash } = newSecretToken();
    const repo = this.db.getRepository(PasswordResetEntity);
    // Only the newest link works.
    await repo.update({ memberId: member.id, usedAt: IsNull() }, { usedAt: new Date() });
    await repo.insert({ memberId: member.id, tokenHash: hash, expiresAt: new Date(Date.now() + RESET_TTL_MS) });
    const link = `${this.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    const locale = isLocale(member.locale) ? member.locale : DEFAULT_LOCALE;
    await this.mail.send({ to: member.email, ...passwordResetMail(locale, member.name, link) });
  }

  /** Sets a new password with a valid token; the token is spent and every session of the member ends. */
  async reset(token: string, password: string, ip: string): Promise<void> {
    await this.rateLimits.check(RESET_FAILURES_PER_IP, ip);
    const repo = this.db.getRepository(PasswordResetEntity);
    const reset =
      token.length > 0 && token.length < 200
        ? await repo.findOneBy({ tokenHash: hashToken(token), usedAt: IsNull(), expiresAt: MoreThan(new Date()) })
        : null;
    const member = reset ? await this.members.findById(reset.memberId) : null;
    if (!reset || !member) {
      await this.rateLimits.consume(RESET_FAILURES_PER_IP, ip).catch(() => undefined);
      throw AccountsError.resetTokenInvalid();
    }
    validate.password(password, member.email);
    const spent = await repo
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where('id = :id AND used_at IS NULL', { id: reset.id })
      .execute();
    if (!spent.affected) throw AccountsError.resetTokenInvalid();
    await this.memberService.setPassword(member.id, password);
    await this.sessions.revokeAllOf(member.id);
  }
}
