import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MemberEntity } from './entities/member.entity';
import { RoleGrantEntity } from './entities/role-grant.entity';
import { SessionEntity } from './entities/session.entity';
import { PasswordResetEntity } from './entities/password-reset.entity';
import { CreateAccounts1764300000000 } from './migrations/1764300000000-create-accounts';
import { MemberHandle1764300000010 } from './migrations/1764300000010-member-handle';
import { MemberRepository } from './member.repository';
import { MemberService } from './member.service';
import { SessionService } from './session.service';
import { PasswordResetService } from './password-reset.service';
import { PasswordHasher } from './password-hasher';
import { AccountsLoaderFactory } from './accounts.loaders';
import { SessionResolver } from './session.resolver';
import { ProfileResolver } from './profile.resolver';
import { PasswordResetResolver } from './password-reset.resolver';

export const ACCOUNTS_ENTITIES = [MemberEntity, RoleGrantEntity, SessionEntity, PasswordResetEntity];
export const ACCOUNTS_MIGRATIONS = [CreateAccounts1764300000000, MemberHandle1764300000010];
export const ACCOUNTS_RESOLVERS = [SessionResolver, ProfileResolver, PasswordResetResolver];

/** Accounts: members' credentials, sessions, password resets, profiles and role grants. */
@Module({
  imports: [TypeOrmModule.forFeature(ACCOUNTS_ENTITIES)],
  providers: [
    MemberRepository,
    MemberService,
    SessionService,
    PasswordResetService,
    PasswordHasher,
    AccountsLoaderFactory,
    SessionResolver,
    ProfileResolver,
    PasswordResetResolver,
  ],
  exports: [MemberRepository, MemberService, PasswordHasher, AccountsLoaderFactory],
})
export class AccountsModule {}
