import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Actor, isMember, LoaderFactory, decodeCursor } from '@anyam/server/core';
import { RoleGrantEntity } from '@anyam/server/accounts';
import { Role, RoleScope } from '@anyam/shared/domain';
import { RegionEntity } from './entities/region.entity';
import { AllianceEntity } from './entities/alliance.entity';
import { ThemeEntity } from './entities/theme.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { HubEntity } from './entities/hub.entity';
import { JoinRequestStatus } from './entities/hub-join-request.entity';
import { MemberProfileEntity } from './entities/member-profile.entity';
import { CommunityRepository, MEMBERSHIP_ROLES, strongest } from './community.repository';

export interface HubMembersKey {
  hubId: string;
  limit: number;
  after: string | null;
}

export interface CommunityLoaders {
  regionById: DataLoader<string, RegionEntity | null>;
  allianceById: DataLoader<string, AllianceEntity | null>;
  /** Raw rows: callers check visibility with the policy. */
  organisationById: DataLoader<string, OrganisationEntity | null>;
  hubById: DataLoader<string, HubEntity | null>;
  themeByKey: DataLoader<string, ThemeEntity | null>;
  themesByHubId: DataLoader<string, ThemeEntity[]>;
  themesByOrganisationId: DataLoader<string, ThemeEntity[]>;
  partnersByHubId: DataLoader<string, OrganisationEntity[]>;
  alliancesByRegionId: DataLoader<string, AllianceEntity[]>;
  /** Visible hubs, by region / alliance / host organisation. */
  hubsByRegionId: DataLoader<string, HubEntity[]>;
  hubsByAllianceId: DataLoader<string, HubEntity[]>;
  hubsByHostId: DataLoader<string, HubEntity[]>;
  /** The viewer's own role in a hub / organisation, from the database (fresher than the token). */
  viewerHubRole: DataLoader<string, Role | null>;
  viewerOrganisationRole: DataLoader<string, Role | null>;
  viewerJoinRequestStatus: DataLoader<string, JoinRequestStatus | null>;
  membershipsByMemberId: DataLoader<string, RoleGrantEntity[]>;
  profileByMemberId: DataLoader<string, MemberProfileEntity | null>;
  /** Directory-visible members of a hub, one page; keys with the same page share one query. */
  hubMembers: DataLoader<HubMembersKey, { hubId: string; role: Role; id: string; name: string }[], string>;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

function grouped<T>(ids: readonly string[], rows: T[], key: (r: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
  return ids.map((id) => map.get(id) ?? []);
}

@Injectable()
export class CommunityLoaderFactory implements LoaderFactory<CommunityLoaders> {
  constructor(private readonly repo: CommunityRepository) {}

  createLoaders(actor: Actor): CommunityLoaders {
    const r = this.repo;
    const viewerId = isMember(actor) ? actor.memberId : null;
    const visibleHubsWhere = (column: string) => async (ids: readonly string[]) => {
      const rows = await r.visibleHubs(r.hubs.createQueryBuilder('h'), actor).andWhere(`h.${column} IN (:...ids)`, { ids }).orderBy('h.name').getMany();
      return grouped(ids, rows, (h) => (h as unknown as Record<string, string>)[column === 'region_id' ? 'regionId' : column === 'alliance_id' ? 'allianceId' : 'hostOrganisationId']);
    };
    const viewerRole = (scope: RoleScope) => async (ids: readonly string[]) => {
      if (!viewerId) return ids.map(() => null);
      const rows = await r.grants.find({ where: { memberId: viewerId, scope, scopeId: In([...ids]), role: In([...MEMBERSHIP_ROLES]) } });
      return grouped(ids, rows, (g) => g.scopeId!).map((gs) => strongest(gs.map((g) => g.role)));
    };
    const themesVia = (table: string, column: string) => async (ids: readonly string[]) => {
      const rows: (ThemeEntity & { owner: string })[] = await r.db.query(
        `SELECT x.${column} AS owner, t.key, t.parent_key AS "parentKey", t.position, t.names
           FROM ${table} x JOIN themes t ON t.key = x.theme_key WHERE x.${column} = ANY($1::uuid[]) ORDER BY t.parent_key NULLS FIRST, t.position`,
        [[...ids]],
      );
      return grouped(ids, rows, (t) => t.owner);
    };

    return {
      regionById: new DataLoader(async (ids) => byId(ids, await r.regions.findBy({ id: In([...ids]) }))),
      allianceById: new DataLoader(async (ids) => byId(ids, await r.alliances.findBy({ id: In([...ids]) }))),
      organisationById: new DataLoader(async (ids) => byId(ids, await r.organisations.findBy({ id: In([...ids]) }))),
      hubById: new DataLoader(async (ids) => byId(ids, await r.hubs.findBy({ id: In([...ids]) }))),
      themeByKey: new DataLoader(async (keys) => {
        const rows = await r.themes.findBy({ key: In([...keys]) });
        const map = new Map(rows.map((t) => [t.key, t]));
        return keys.map((k) => map.get(k) ?? null);
      }),
      themesByHubId: new DataLoader(themesVia('hub_themes', 'hub_id')),
      themesByOrganisationId: new DataLoader(themesVia('organisation_themes', 'organisation_id')),
      partnersByHubId: new DataLoader(async (ids) => {
        const rows = await r
          .visibleOrganisations(r.organisations.createQueryBuilder('o'), actor)
          .innerJoin('hub_partners', 'hp', 'hp.organisation_id = o.id')
          .addSelect('hp.hub_id', 'hp_hub_id')
          .andWhere('hp.hub_id IN (:...ids)', { ids })
          .orderBy('o.name')
          .getRawAndEntities();
        const owners = rows.raw.map((raw: Record<string, string>) => ({ hub: raw.hp_hub_id, id: raw.o_id }));
        const orgs = new Map(rows.entities.map((o) => [o.id, o]));
        return grouped(ids, owners, (x) => x.hub).map((xs) => xs.map((x) => orgs.get(x.id)!).filter(Boolean));
      }),
      alliancesByRegionId: new DataLoader(async (ids) =>
        grouped(ids, await r.alliances.find({ where: { regionId: In([...ids]) }, order: { name: 'ASC' } }), (a) => a.regionId),
      ),
      hubsByRegionId: new DataLoader(visibleHubsWhere('region_id')),
      hubsByAllianceId: new DataLoader(visibleHubsWhere('alliance_id')),
      hubsByHostId: new DataLoader(visibleHubsWhere('host_organisation_id')),
      viewerHubRole: new DataLoader(viewerRole(RoleScope.Hub)),
      viewerOrganisationRole: new DataLoader(viewerRole(RoleScope.Organisation)),
      viewerJoinRequestStatus: new DataLoader(async (ids) => {
        if (!viewerId) return ids.map(() => null);
        const rows = await r.joinRequests.find({ where: { memberId: viewerId, hubId: In([...ids]) }, order: { createdAt: 'ASC' } });
        // The latest request counts.
        return grouped(ids, rows, (q) => q.hubId).map((qs) => qs.at(-1)?.status ?? null);
      }),
      membershipsByMemberId: new DataLoader(async (ids) => grouped(ids, await r.membershipsOf(ids), (g) => g.memberId)),
      profileByMemberId: new DataLoader(async (ids) => {
        const rows = await r.profiles.findBy({ memberId: In([...ids]) });
        const map = new Map(rows.map((p) => [p.memberId, p]));
        return ids.map((id) => map.get(id) ?? null);
      }),
      hubMembers: new DataLoader(
        async (keys) => {
          const groups = new Map<string, HubMembersKey[]>();
          for (const k of keys) groups.set(`${k.limit}|${k.after ?? ''}`, [...(groups.get(`${k.limit}|${k.after ?? ''}`) ?? []), k]);
          const results = new Map<string, { hubId: string; role: Role; id: string; name: string }[]>();
          for (const group of groups.values()) {
            const { limit, after } = group[0];
            const cursor = after ? (decodeCursor(after, 2) as [string, string]) : null;
            const rows = await r.hubMembersPage(actor, group.map((k) => k.hubId), limit, cursor);
            for (const k of group) {
              results.set(
                JSON.stringify(k),
                rows.filter((row) => row.hub_id === k.hubId).map((row) => ({ hubId: row.hub_id, role: row.role, id: row.id, name: row.name })),
              );
            }
          }
          return keys.map((k) => results.get(JSON.stringify(k)) ?? []);
        },
        { cacheKeyFn: (k) => JSON.stringify(k) },
      ),
    };
  }
}
