import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabaseBootstrapService, JOBS_SCHEMA } from '@anyam/server/core';
import { MemberEntity, PasswordHasher, RoleGrantEntity } from '@anyam/server/accounts';
import { RoleScope } from '@anyam/shared/domain';
import { ForumService } from '@anyam/server/forum';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { seedDemoCommunity } from './demo-community';
import { seedDemoForum } from './demo-forum';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoLearning } from './demo-learning';

/** Loads the demo data set into an empty database (once, even with several instances starting together). */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bootstrap: DatabaseBootstrapService,
    private readonly hasher: PasswordHasher,
    private readonly forum: ForumService,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    return this.bootstrap.withLock(async () => {
      const [{ count }] = await this.db.query('SELECT count(*)::int AS count FROM members');
      if (count > 0) return false;
      await this.seed();
      return true;
    });
  }

  /**
   * Drops every table, migrates again (reference data such as themes comes from migrations) and loads
   * the demo data: the state of a fresh install.
   */
  async reset(): Promise<void> {
    await this.bootstrap.withLock(async () => {
      await this.db.query(`DROP SCHEMA IF EXISTS ${JOBS_SCHEMA} CASCADE`);
      await this.db.query('DROP SCHEMA public CASCADE');
      await this.db.query('CREATE SCHEMA public');
      await this.db.runMigrations({ transaction: 'each' });
      await this.seed();
    });
  }

  private async seed(): Promise<void> {
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    let community = { hubs: 0, organisations: 0 };
    let forum = { groups: 0, threads: 0 };
    let meetings = 0;
    let modules = 0;
    await this.db.transaction(async (tx) => {
      const memberIds = new Map<string, string>();
      for (const account of DEMO_ACCOUNTS) {
        const member = await tx.getRepository(MemberEntity).save(
          tx.getRepository(MemberEntity).create({
            email: account.email,
            name: account.name,
            passwordHash,
            locale: account.locale,
            timeZone: account.timeZone,
          }),
        );
        memberIds.set(account.email, member.id);
        if (account.networkRole) {
          await tx
            .getRepository(RoleGrantEntity)
            .insert({ memberId: member.id, role: account.networkRole, scope: RoleScope.Network, scopeId: null });
        }
      }
      community = await seedDemoCommunity(tx, memberIds);
      forum = await seedDemoForum(tx, memberIds);
      meetings = await seedDemoMeetings(tx, memberIds);
      modules = await seedDemoLearning(tx, memberIds, (m, input) => this.forum.createLinkedThread(m, input));
    });
    this.logger.log(
      `Demo data loaded: ${DEMO_ACCOUNTS.length} accounts (password "${DEMO_PASSWORD}"), ${community.organisations} organisations, ${community.hubs} hubs, ${forum.groups} forum groups, ${forum.threads} threads, ${meetings} meeting series, ${modules} training modules`,
    );
  }
}

