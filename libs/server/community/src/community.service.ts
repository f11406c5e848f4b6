import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { Actor } from '@anyam/server/core';
import { RegionEntity } from './entities/region.entity';
import { AllianceEntity } from './entities/alliance.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { HubEntity } from './entities/hub.entity';
import { CommunityRepository } from './community.repository';
import { CommunityPolicy } from './community.policy';
import { CommunityError } from './community.errors';
import { check, COMMUNITY_LIMITS, isUuid } from './community.validation';
import { CreateAllianceInput, CreateRegionInput } from './graphql/structure.input';
import { CreateOrganisationInput, UpdateOrganisationInput } from './graphql/organisation.input';
import { CreateHubInput, UpdateHubInput } from './graphql/hub.input';

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && (e as unknown as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION;
}

const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

/** Regions, alliances, organisations and hubs: rules and transactions. */
@Injectable()
export class CommunityService {
  constructor(private readonly repo: CommunityRepository) {}

  // ——— reads (visibility: a hidden record is NOT_FOUND, like an unknown one) ———
  async regionBySlug(slug: string): Promise<RegionEntity> {
    const r = await this.repo.regions.findOneBy({ slug });
    if (!r) throw CommunityError.regionNotFound();
    return r;
  }
  async allianceBySlug(slug: string): Promise<AllianceEntity> {
    const a = await this.repo.alliances.findOneBy({ slug });
    if (!a) throw CommunityError.allianceNotFound();
    return a;
  }
  async organisationBySlug(actor: Actor, slug: string): Promise<OrganisationEntity> {
    const o = await this.repo.visibleOrganisations(this.repo.organisations.createQueryBuilder('o'), actor).andWhere('o.slug = :slug', { slug }).getOne();
    if (!o) throw CommunityError.organisationNotFound();
    return o;
  }
  async hubBySlug(actor: Actor, slug: string): Promise<HubEntity> {
    const h = await this.repo.visibleHubs(this.repo.hubs.createQueryBuilder('h'), actor).andWhere('h.slug = :slug', { slug }).getOne();
    if (!h) throw CommunityError.hubNotFound();
    return h;
  }
  async visibleHub(actor: Actor, id: string): Promise<HubEntity> {
    const h = isUuid(id) ? await this.repo.hubs.findOneBy({ id }) : null;
    if (!h || !CommunityPolicy.canSee(actor, h)) throw CommunityError.hubNotFound();
    return h;
  }
  async visibleOrganisation(actor: Actor, id: string): Promise<OrganisationEntity> {
    const o = isUuid(id) ? await this.repo.organisations.findOneBy({ id }) : null;
    if (!o || !CommunityPolicy.canSee(actor, o)) throw CommunityError.organisationNotFound();
    return o;
  }

  // ——— regions and alliances (admins) ———
  async createRegion(actor: Actor, input: CreateRegionInput): Promise<RegionEntity> {
    CommunityPolicy.assertCanManageStructure(actor);
    const values = {
      name: check.name(input.name, 'name', 120),
      slug: check.slug(input.slug),
      timeZone: check.timeZone(input.timeZone),
      description: check.text(input.description, 'description'),
    };
    return this.unique(() => this.repo.regions.save(this.repo.regions.create(values)));
  }

  async createAlliance(actor: Actor, input: CreateAllianceInput): Promise<AllianceEntity> {
    CommunityPolicy.assertCanManageStructure(actor);
    const values = {
      name: check.name(input.name, 'name', 120),
      slug: check.slug(input.slug),
      launchedOn: check.date(input.launchedOn, 'launchedOn'),
      description: check.text(input.description, 'description'),
      regionId: input.regionId,
    };
    if (!isUuid(input.regionId) || !(await this.repo.regions.existsBy({ id: input.regionId }))) throw CommunityError.regionNotFound();
    return this.unique(() => this.repo.alliances.save(this.repo.alliances.create(values)));
  }

  // ——— organisations ———
  async createOrganisation(actor: Actor, input: CreateOrganisationInput): Promise<OrganisationEntity> {
    CommunityPolicy.assertCanManageStructure(actor);
    const values: Partial<OrganisationEntity> = {
      name: check.name(input.name),
      slug: check.slug(input.slug),
      country: check.country(input.country),
      city: check.optionalText(input.city, 'city', COMMUNITY_LIMITS.cityMax),
      languages: check.languages(input.languages ?? []),
      description: check.text(input.description, 'description'),
      website: check.website(input.website),
      visibility: input.visibility ?? 'public',
    };
    const themes = await this.themes(input.themeKeys ?? []);
    return this.unique(() =>
      this.repo.db.transaction(async (tx) => {
        const org = await tx.getRepository(OrganisationEntity).save(tx.getRepository(OrganisationEntity).create(values));
        await this.replaceThemes(tx, 'organisation_themes', 'organisation_id', org.id, themes);
        return org;
      }),
    );
  }

  async updateOrganisation(actor: Actor, input: UpdateOrganisationInput): Promise<OrganisationEntity> {
    const org = await this.visibleOrganisation(actor, input.id);
    CommunityPolicy.assertCanEditOrganisation(actor, org);
    const changes: Partial<OrganisationEntity> = {};
    if (given(input.name)) changes.name = check.name(input.name);
    if (given(input.slug)) changes.slug = check.slug(input.slug);
    if (given(input.country)) changes.country = check.country(input.country);
    if (input.city !== undefined) changes.city = check.optionalText(input.city, 'city', COMMUNITY_LIMITS.cityMax);
    if (given(input.languages)) changes.languages = check.languages(input.languages);
    if (given(input.description)) changes.description = check.text(input.description, 'description');
    if (input.website !== undefined) changes.website = check.website(input.website);
    if (given(input.visibility)) changes.visibility = input.visibility;
    if (given(input.verified)) {
      if (!CommunityPolicy.canVerifyOrganisation(actor)) throw CommunityError.verifyForbidden();
      changes.verified = input.verified;
    }
    const themes = given(input.themeKeys) ? await this.themes(input.themeKeys) : null;
    await this.unique(() =>
      this.repo.db.transaction(async (tx) => {
        if (Object.keys(changes).length) await tx.getRepository(OrganisationEntity).update({ id: org.id }, changes);
        if (themes) await this.replaceThemes(tx, 'organisation_themes', 'organisation_id', org.id, themes);
      }),
    );
    return (await this.repo.organisations.findOneBy({ id: org.id }))!;
  }

  // ——— hubs ———
  async createHub(actor: Actor, input: CreateHubInput): Promise<HubEntity> {
    CommunityPolicy.assertCanManageStructure(actor);
    const wh = input.workingHours ? check.workingHours(input.workingHours) : { start: '09:00', end: '17:00', weekdays: [1, 2, 3, 4, 5] };
    const values: Partial<HubEntity> = {
      name: check.name(input.name),
      slug: check.slug(input.slug),
      city: check.optionalText(input.city, 'city', COMMUNITY_LIMITS.cityMax),
      country: check.country(input.country),
      latitude: check.latitude(input.latitude),
      longitude: check.longitude(input.longitude),
      timeZone: check.timeZone(input.timeZone),
      workingHoursStart: wh.start,
      workingHoursEnd: wh.end,
      workingDays: wh.weekdays,
      description: check.text(input.description, 'description'),
      services: check.services(input.services ?? []),
      deliveryModes: [...new Set(input.deliveryModes ?? ['online'])] as HubEntity['deliveryModes'],
      visibility: input.visibility ?? 'public',
      joinPolicy: input.joinPolicy ?? 'open',
      stage: check.stage(input.stage ?? 1),
    };
    if (!isUuid(input.hostOrganisationId) || !(await this.repo.organisations.existsBy({ id: input.hostOrganisationId }))) {
      throw CommunityError.organisationNotFound();
    }
    values.hostOrganisationId = input.hostOrganisationId;
    if (!isUuid(input.regionId) || !(await this.repo.regions.existsBy({ id: input.regionId }))) throw CommunityError.regionNotFound();
    values.regionId = input.regionId;
    values.allianceId = await this.allianceFor(input.allianceId ?? null, input.regionId);
    const themes = await this.themes(input.themeKeys ?? []);
    const partners = await this.partners(input.partnerOrganisationIds ?? []);
    return this.unique(() =>
      this.repo.db.transaction(async (tx) => {
        const hub = await tx.getRepository(HubEntity).save(tx.getRepository(HubEntity).create(values));
        await this.replaceThemes(tx, 'hub_themes', 'hub_id', hub.id, themes);
        await this.replacePartners(tx, hub.id, partners);
        return hub;
      }),
    );
  }

  async updateHub(actor: Actor, input: UpdateHubInput): Promise<HubEntity> {
    const hub = await this.visibleHub(actor, input.id);
    CommunityPolicy.assertCanEditHub(actor, hub);
    const changes: Partial<HubEntity> = {};
    if (given(input.name)) changes.name = check.name(input.name);
    if (given(input.slug)) changes.slug = check.slug(input.slug);
    if (input.city !== undefined) changes.city = check.optionalText(input.city, 'city', COMMUNITY_LIMITS.cityMax);
    if (given(input.country)) changes.country = check.country(input.country);
    if (given(input.latitude)) changes.latitude = check.latitude(input.latitude);
    if (given(input.longitude)) changes.longitude = check.longitude(input.longitude);
    if (given(input.timeZone)) changes.timeZone = check.timeZone(input.timeZone);
    if (given(input.workingHours)) {
      const wh = check.workingHours(input.workingHours);
      Object.assign(changes, { workingHoursStart: wh.start, workingHoursEnd: wh.end, workingDays: wh.weekdays });
    }
    if (given(input.description)) changes.description = check.text(input.description, 'description');
    if (given(input.services)) changes.services = check.services(input.services);
    if (given(input.deliveryModes)) changes.deliveryModes = [...new Set(input.deliveryModes)] as HubEntity['deliveryModes'];
    if (given(input.visibility)) changes.visibility = input.visibility;
    if (given(input.joinPolicy)) changes.joinPolicy = input.joinPolicy;
    if (given(input.stage)) changes.stage = check.stage(input.stage);
    if (input.allianceId !== undefined) changes.allianceId = await this.allianceFor(input.allianceId, hub.regionId);
    const themes = given(input.themeKeys) ? await this.themes(input.themeKeys) : null;
    const partners = given(input.partnerOrganisationIds) ? await this.partners(input.partnerOrganisationIds) : null;
    await this.unique(() =>
      this.repo.db.transaction(async (tx) => {
        if (Object.keys(changes).length) await tx.getRepository(HubEntity).update({ id: hub.id }, changes);
        if (themes) await this.replaceThemes(tx, 'hub_themes', 'hub_id', hub.id, themes);
        if (partners) await this.replacePartners(tx, hub.id, partners);
      }),
    );
    return (await this.repo.hubs.findOneBy({ id: hub.id }))!;
  }

  // ——— helpers ———
  private async allianceFor(allianceId: string | null, regionId: string): Promise<string | null> {
    if (!allianceId) return null;
    const alliance = isUuid(allianceId) ? await this.repo.alliances.findOneBy({ id: allianceId }) : null;
    if (!alliance) throw CommunityError.allianceNotFound();
    if (alliance.regionId !== regionId) throw CommunityError.allianceRegionMismatch();
    return alliance.id;
  }

  private async themes(keys: readonly string[]): Promise<string[]> {
    const unique = check.ids(keys, 'themeKeys');
    if (await this.repo.unknownThemes(unique)) throw CommunityError.themeUnknown();
    return unique;
  }

  private async partners(ids: readonly string[]): Promise<string[]> {
    const unique = check.ids(ids, 'partnerOrganisationIds');
    if (unique.some((id) => !isUuid(id))) throw CommunityError.organisationNotFound();
    if (unique.length && (await this.repo.organisations.countBy(unique.map((id) => ({ id })))) !== unique.length) {
      throw CommunityError.organisationNotFound();
    }
    return unique;
  }

  private async replaceThemes(tx: EntityManager, table: string, column: string, id: string, keys: string[]) {
    await tx.query(`DELETE FROM ${table} WHERE ${column} = $1`, [id]);
    if (keys.length) await tx.query(`INSERT INTO ${table} (${column}, theme_key) SELECT $1, unnest($2::text[])`, [id, keys]);
  }

  private async replacePartners(tx: EntityManager, hubId: string, ids: string[]) {
    await tx.query(`DELETE FROM hub_partners WHERE hub_id = $1`, [hubId]);
    if (ids.length) await tx.query(`INSERT INTO hub_partners (hub_id, organisation_id) SELECT $1, unnest($2::uuid[])`, [hubId, ids]);
  }

  /** A duplicate slug is a CONFLICT on `slug`, whichever table it hit. */
  private async unique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (isUniqueViolation(e)) throw CommunityError.slugTaken();
      throw e;
    }
  }
}

