import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Actor, isMember, likePattern } from '@anyam/server/core';
import { MemberEntity, RoleGrantEntity } from '@anyam/server/accounts';
import { Role, RoleScope } from '@anyam/shared/domain';
import { RegionEntity } from './entities/region.entity';
import { AllianceEntity } from './entities/alliance.entity';
import { ThemeEntity } from './entities/theme.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { HubEntity } from './entities/hub.entity';
import { HubJoinRequestEntity } from './entities/hub-join-request.entity';
import { InvitationEntity } from './entities/invitation.entity';
import { MemberProfileEntity } from './entities/member-profile.entity';

/** Roles that make someone a member of a hub or organisation (moderator grants are the forum's). */
export const MEMBERSHIP_ROLES = [Role.Member, Role.Facilitator, Role.Coordinator] as const;
const MEMBERSHIP_ROLES_SQL = `('member','facilitator','coordinator')`;

/**
 * The directory rule in SQL, for a members-table column `memberCol` and a viewer-id parameter:
 * visible to all signed-in members, or to members sharing a hub. Needs `p` = member_profiles joined.
 */
export function directoryPredicate(memberCol: string, viewerParam: string): string {
  return `(p.directory_visibility = 'members' OR (p.directory_visibility = 'hubs' AND EXISTS (
      SELECT 1 FROM role_grants g1
        JOIN role_grants g2 ON g2.scope = 'hub' AND g2.scope_id = g1.scope_id AND g2.role IN ${MEMBERSHIP_ROLES_SQL}
       WHERE g1.scope = 'hub' AND g1.member_id = ${memberCol} AND g1.role IN ${MEMBERSHIP_ROLES_SQL}
         AND g2.member_id = ${viewerParam})))`;
}

@Injectable()
export class CommunityRepository {
  constructor(@InjectDataSource() readonly db: DataSource) {}

  get regions() {
    return this.db.getRepository(RegionEntity);
  }
  get alliances() {
    return this.db.getRepository(AllianceEntity);
  }
  get themes() {
    return this.db.getRepository(ThemeEntity);
  }
  get organisations() {
    return this.db.getRepository(OrganisationEntity);
  }
  get hubs() {
    return this.db.getRepository(HubEntity);
  }
  get joinRequests() {
    return this.db.getRepository(HubJoinRequestEntity);
  }
  get invitations() {
    return this.db.getRepository(InvitationEntity);
  }
  get profiles() {
    return this.db.getRepository(MemberProfileEntity);
  }
  get grants() {
    return this.db.getRepository(RoleGrantEntity);
  }

  /** Hubs the actor may see: public ones, and members-only ones for signed-in members. */
  visibleHubs(qb: SelectQueryBuilder<HubEntity>, actor: Actor, alias = 'h'): SelectQueryBuilder<HubEntity> {
    return isMember(actor) ? qb : qb.andWhere(`${alias}.visibility = 'public'`);
  }

  visibleOrganisations(qb: SelectQueryBuilder<OrganisationEntity>, actor: Actor, alias = 'o'): SelectQueryBuilder<OrganisationEntity> {
    return isMember(actor) ? qb : qb.andWhere(`${alias}.visibility = 'public'`);
  }

  /** Members the actor may see in the directory; nobody for visitors, never hidden members. */
  visibleMembers(qb: SelectQueryBuilder<MemberEntity>, actor: Actor, alias = 'm'): SelectQueryBuilder<MemberEntity> {
    if (!isMember(actor)) return qb.andWhere('false');
    return qb
      .innerJoin('member_profiles', 'p', `p.member_id = ${alias}.id`)
      .andWhere(directoryPredicate(`${alias}.id`, ':directoryViewer'), { directoryViewer: actor.memberId });
  }

  hubQuery(actor: Actor, filter: { regionId?: string; allianceId?: string; theme?: string; search?: string } = {}) {
    const qb = this.visibleHubs(this.hubs.createQueryBuilder('h'), actor);
    if (filter.regionId) qb.andWhere('h.region_id = :regionId', { regionId: filter.regionId });
    if (filter.allianceId) qb.andWhere('h.alliance_id = :allianceId', { allianceId: filter.allianceId });
    if (filter.theme) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM hub_themes ht JOIN themes t ON t.key = ht.theme_key
                  WHERE ht.hub_id = h.id AND (t.key = :theme OR t.parent_key = :theme))`,
        { theme: filter.theme },
      );
    }
    if (filter.search?.trim()) {
      qb.andWhere(`(h.name ILIKE :q OR h.description ILIKE :q OR h.city ILIKE :q)`, { q: likePattern(filter.search) });
    }
    return qb;
  }

  organisationQuery(actor: Actor, filter: { country?: string; theme?: string; search?: string } = {}) {
    const qb = this.visibleOrganisations(this.organisations.createQueryBuilder('o'), actor);
    if (filter.country) qb.andWhere('o.country = :country', { country: filter.country.toUpperCase() });
    if (filter.theme) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM organisation_themes ot JOIN themes t ON t.key = ot.theme_key
                  WHERE ot.organisation_id = o.id AND (t.key = :theme OR t.parent_key = :theme))`,
        { theme: filter.theme },
      );
    }
    if (filter.search?.trim()) qb.andWhere(`(o.name ILIKE :q OR o.description ILIKE :q OR o.city ILIKE :q)`, { q: likePattern(filter.search) });
    return qb;
  }

  memberQuery(actor: Actor, filter: { hubId?: string; organisationId?: string; search?: string } = {}) {
    const qb = this.visibleMembers(this.db.getRepository(MemberEntity).createQueryBuilder('m'), actor);
    if (filter.hubId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM role_grants fg WHERE fg.member_id = m.id AND fg.scope = 'hub' AND fg.scope_id = :fHub AND fg.role IN ${MEMBERSHIP_ROLES_SQL})`,
        { fHub: filter.hubId },
      );
    }
    if (filter.organisationId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM role_grants fo WHERE fo.member_id = m.id AND fo.scope = 'organisation' AND fo.scope_id = :fOrg AND fo.role IN ${MEMBERSHIP_ROLES_SQL})`,
        { fOrg: filter.organisationId },
      );
    }
    if (filter.search?.trim()) qb.andWhere('m.name ILIKE :q', { q: likePattern(filter.search) });
    return qb;
  }

  /** The first `limit` directory-visible members of each hub, after an optional (name, id) cursor. */
  async hubMembersPage(
    actor: Actor,
    hubIds: readonly string[],
    limit: number,
    after: [string, string] | null,
  ): Promise<{ hub_id: string; role: Role; id: string; name: string }[]> {
    if (!isMember(actor) || hubIds.length === 0) return [];
    const params: unknown[] = [[...hubIds], actor.memberId, limit];
    let cursor = '';
    if (after) {
      params.push(after[0], after[1]);
      cursor = `AND (m.name, m.id) > ($4, $5::uuid)`;
    }
    return this.db.query(
      `SELECT hub_id, role, id, name FROM (
         SELECT g.scope_id AS hub_id, g.role, m.id, m.name,
                row_number() OVER (PARTITION BY g.scope_id ORDER BY m.name, m.id) AS rn
           FROM role_grants g
           JOIN members m ON m.id = g.member_id
           JOIN member_profiles p ON p.member_id = m.id
          WHERE g.scope = 'hub' AND g.scope_id = ANY($1::uuid[]) AND g.role IN ${MEMBERSHIP_ROLES_SQL}
            AND ${directoryPredicate('m.id', '$2::uuid')} ${cursor}
       ) x WHERE rn <= $3 ORDER BY hub_id, name, id`,
      params,
    );
  }

  /** Whether two members share at least one hub. */
  async shareHub(a: string, b: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM role_grants g1 JOIN role_grants g2 ON g2.scope = 'hub' AND g2.scope_id = g1.scope_id AND g2.role IN ${MEMBERSHIP_ROLES_SQL}
        WHERE g1.scope = 'hub' AND g1.member_id = $1 AND g1.role IN ${MEMBERSHIP_ROLES_SQL} AND g2.member_id = $2 LIMIT 1`,
      [a, b],
    );
    return rows.length > 0;
  }

  /** Membership grants (member/facilitator/coordinator) of members in hubs and organisations. */
  membershipsOf(memberIds: readonly string[]): Promise<RoleGrantEntity[]> {
    return this.grants.find({
      where: { memberId: In([...memberIds]), role: In([...MEMBERSHIP_ROLES]), scope: In([RoleScope.Hub, RoleScope.Organisation]) },
      order: { createdAt: 'ASC' },
    });
  }

  async roleIn(memberId: string, scope: RoleScope, scopeId: string, em: EntityManager = this.db.manager): Promise<Role | null> {
    const rows = await em.getRepository(RoleGrantEntity).find({ where: { memberId, scope, scopeId, role: In([...MEMBERSHIP_ROLES]) } });
    return strongest(rows.map((r) => r.role));
  }

  /** Makes `role` the member's one membership role in the scope (replacing any other). */
  async setRole(em: EntityManager, memberId: string, scope: RoleScope, scopeId: string, role: Role): Promise<void> {
    await em.getRepository(RoleGrantEntity).delete({ memberId, scope, scopeId, role: In([...MEMBERSHIP_ROLES]) });
    await em.getRepository(RoleGrantEntity).insert({ memberId, scope, scopeId, role });
  }

  async removeMembership(em: EntityManager, memberId: string, scope: RoleScope, scopeId: string): Promise<void> {
    await em.getRepository(RoleGrantEntity).delete({ memberId, scope, scopeId, role: In([...MEMBERSHIP_ROLES]) });
  }

  countCoordinators(em: EntityManager, scope: RoleScope, scopeId: string): Promise<number> {
    return em.getRepository(RoleGrantEntity).countBy({ scope, scopeId, role: Role.Coordinator });
  }

  async unknownThemes(keys: readonly string[]): Promise<boolean> {
    if (keys.length === 0) return false;
    return (await this.themes.countBy({ key: In([...keys]) })) !== new Set(keys).size;
  }
}

const RANK: Record<string, number> = { member: 1, facilitator: 2, coordinator: 3 };
export function strongest(roles: readonly Role[]): Role | null {
  return roles.reduce<Role | null>((best, r) => (best === null || RANK[r] > RANK[best] ? r : best), null);
}
