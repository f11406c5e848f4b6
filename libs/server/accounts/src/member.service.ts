import { Inject, Injectable } from '@nestjs/common';
import { Actor, AppError, PUB_SUB, PubSubEngine, RateLimitRule, RateLimitService } from '@anyam/server/core';
import { MemberEntity } from './entities/member.entity';
import { MemberRepository } from './member.repository';
import { PasswordHasher } from './password-hasher';
import { AccountsError } from './accounts.errors';
import { AccountsPolicy } from './accounts.policy';
import { validate } from './account-validation';
import { SignUpInput } from './graphql/sign-up.input';
import { UpdateProfileInput } from './graphql/update-profile.input';
import { ChangePasswordInput } from './graphql/change-password.input';
import { SessionService } from './session.service';

export const SIGN_UP_PER_IP: RateLimitRule = { name: 'sign-up:ip', points: 10, durationSeconds: 3600 };
export const SIGN_IN_FAILURES_PER_IP: RateLimitRule = { name: 'sign-in:ip', points: 10, durationSeconds: 60 };
export const SIGN_IN_FAILURES_PER_ACCOUNT: RateLimitRule = { name: 'sign-in:account', points: 5, durationSeconds: 900 };

export const memberUpdatedTopic = (memberId: string) => `member-updated:${memberId}`;

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class MemberService {
  constructor(
    private readonly repo: MemberRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly rateLimits: RateLimitService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  async signUp(input: SignUpInput, ip: string): Promise<MemberEntity> {
    const email = validate.email(input.email);
    const name = validate.name(input.name);
    const password = validate.password(input.password, email);
    const locale = validate.locale(input.locale);
    const timeZone = validate.timeZone(input.timeZone);
    await this.rateLimits.consume(SIGN_UP_PER_IP, ip);
    if (await this.repo.findByEmail(email)) throw AccountsError.emailTaken();
    const passwordHash = await this.hasher.hash(password);
    try {
      const saved = await this.repo.members.save(this.repo.members.create({ email, name, passwordHash, locale, timeZone }));
      // The handle comes from a database trigger.
      return await this.repo.members.findOneByOrFail({ id: saved.id });
    } catch (e) {
      if ((e as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) throw AccountsError.emailTaken();
      throw e;
    }
  }

  /**
   * Checks e-mail and password. Only failures count towards the limits (10 a minute per address, 5 in
   * 15 minutes per account), so a person signing in normally is never slowed down.
   */
  async authenticate(rawEmail: string, password: string, ip: string): Promise<MemberEntity> {
    const email = rawEmail.trim().toLowerCase();
    await this.rateLimits.check(SIGN_IN_FAILURES_PER_IP, ip);
    await this.rateLimits.check(SIGN_IN_FAILURES_PER_ACCOUNT, email);
    const member = email.length <= 254 && password.length <= 1024 ? await this.repo.findByEmail(email) : null;
    const ok = await this.hasher.verify(member?.passwordHash ?? null, password);
    if (!member || !ok) {
      await this.rateLimits.consume(SIGN_IN_FAILURES_PER_IP, ip).catch(() => undefined);
      await this.rateLimits.consume(SIGN_IN_FAILURES_PER_ACCOUNT, email).catch(() => undefined);
      throw AccountsError.invalidCredentials();
    }
    await this.rateLimits.reset(SIGN_IN_FAILURES_PER_ACCOUNT, email);
    return member;
  }

  async get(id: string): Promise<MemberEntity> {
    const member = await this.repo.findById(id);
    if (!member) throw AppError.notFound('No such member.');
    return member;
  }

  async updateProfile(actor: Actor, memberId: string, input: UpdateProfileInput): Promise<MemberEntity> {
    const member = await this.get(memberId);
    AccountsPolicy.assertCanEditProfile(actor, member);
    const changes: Partial<MemberEntity> = {};
    if (input.name !== undefined && input.name !== null) changes.name = validate.name(input.name);
    if (input.locale !== undefined && input.locale !== null) changes.locale = validate.locale(input.locale);
    if (input.timeZone !== undefined && input.timeZone !== null) changes.timeZone = validate.timeZone(input.timeZone);
    if (Object.keys(changes).length === 0) return member;
    await this.repo.members.update({ id: member.id }, changes);
    const updated = await this.get(member.id);
    await this.pubSub.publish(memberUpdatedTopic(member.id), { memberId: member.id });
    return updated;
  }

  /** Changes the password and ends every other session of the member. */
  async changePassword(actor: Actor, memberId: string, input: ChangePasswordInput, currentRefreshToken: string | null) {
    const member = await this.get(memberId);
    AccountsPolicy.assertCanEditProfile(actor, member);
    if (!(await this.hasher.verify(member.passwordHash, input.currentPassword))) throw AccountsError.currentPasswordIncorrect();
    const password = validate.password(input.newPassword, member.email, 'newPassword');
    await this.repo.members.update({ id: member.id }, { passwordHash: await this.hasher.hash(password) });
    await this.sessions.revokeAllOf(member.id, currentRefreshToken);
  }

  async setPassword(memberId: string, password: string): Promise<void> {
    await this.repo.members.update({ id: memberId }, { passwordHash: await this.hasher.hash(password) });
  }
}
