import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Actor, AppConfig, isAdmin, MailService, MemberActor } from '@anyam/server/core';
import { MemberRepository } from '@anyam/server/accounts';
import { DEFAULT_LOCALE, isLocale, Role, RoleScope } from '@anyam/shared/domain';
import { HubEntity } from './entities/hub.entity';
import { HubJoinRequestEntity } from './entities/hub-join-request.entity';
import { InvitationEntity } from './entities/invitation.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { CommunityRepository, strongest } from './community.repository';
import { CommunityService } from './community.service';
import { CommunityPolicy } from './community.policy';
import { CommunityError } from './community.errors';
import { check, isUuid } from './community.validation';
import { invitationMail, joinDecisionMail } from './membership.mail';
import { InviteMemberInput, SetMemberRoleInput } from './graphql/membership.input';

export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
const HUB_ROLES: readonly Role[] = [Role.Member, Role.Facilitator, Role.Coordinator];
const ORGANISATION_ROLES: readonly Role[] = [Role.Member, Role.Coordinator];

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type Target = { scope: RoleScope.Hub; hub: HubEntity } | { scope: RoleScope.Organisation; organisation: OrganisationEntity };

/** Joining and leaving hubs, join requests, invitations and roles (all stored as role grants). */
@Injectable()
export class MembershipService {
  constructor(
    private readonly repo: CommunityRepository,
    private readonly community: CommunityService,
    private readonly members: MemberRepository,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  /** Open hub: joined at once. By-request hub: a pending request for the coordinators. */
  async joinHub(actor: MemberActor, hubId: string): Promise<HubEntity> {
    const hub = await this.community.visibleHub(actor, hubId);
    if (await this.repo.roleIn(actor.memberId, RoleScope.Hub, hub.id)) throw CommunityError.alreadyMember();
    if (hub.joinPolicy === 'open') {
      await this.repo.db.transaction((tx) => this.repo.setRole(tx, actor.memberId, RoleScope.Hub, hub.id, Role.Member));
      return hub;
    }
    if (await this.repo.joinRequests.existsBy({ hubId: hub.id, memberId: actor.memberId, status: 'pending' })) throw CommunityError.alreadyRequested();
    try {
      await this.repo.joinRequests.insert({ hubId: hub.id, memberId: actor.memberId, status: 'pending' });
    } catch {
      throw CommunityError.alreadyRequested();
    }
    return hub;
  }

  /** Leave a hub, or withdraw a pending request. The last coordinator cannot leave. */
  async leaveHub(actor: MemberActor, hubId: string): Promise<HubEntity> {
    const hub = await this.community.visibleHub(actor, hubId);
    await this.repo.db.transaction(async (tx) => {
      const role = await this.repo.roleIn(actor.memberId, RoleScope.Hub, hub.id, tx);
      const withdrawn = await tx.getRepository(HubJoinRequestEntity).delete({ hubId: hub.id, memberId: actor.memberId, status: 'pending' });
      if (!role) {
        if (!withdrawn.affected) throw CommunityError.notMember();
        return;
      }
      if (role === Role.Coordinator && (await this.repo.countCoordinators(tx, RoleScope.Hub, hub.id)) <= 1) throw CommunityError.lastCoordinator();
      await this.repo.removeMembership(tx, actor.memberId, RoleScope.Hub, hub.id);
    });
    return hub;
  }

  pendingRequests(hubId: string): Promise<HubJoinRequestEntity[]> {
    return this.repo.joinRequests.find({ where: { hubId, status: 'pending' }, order: { createdAt: 'ASC' } });
  }

  async decideJoinRequest(actor: MemberActor, requestId: string, approve: boolean): Promise<HubJoinRequestEntity> {
    const request = isUuid(requestId) ? await this.repo.joinRequests.findOneBy({ id: requestId }) : null;
    const hub = request ? await this.repo.hubs.findOneBy({ id: request.hubId }) : null;
    // Someone who cannot coordinate the hub learns nothing about its requests.
    if (!request || !hub || !CommunityPolicy.canCoordinateHub(actor, hub)) throw CommunityError.requestNotFound();
    if (request.status !== 'pending') throw CommunityError.alreadyDecided();
    const status = approve ? 'approved' : 'declined';
    await this.repo.db.transaction(async (tx) => {
      const done = await tx
        .getRepository(HubJoinRequestEntity)
        .createQueryBuilder()
        .update()
        .set({ status, decidedBy: actor.memberId, decidedAt: () => 'now()' })
        .where(`id = :id AND status = 'pending'`, { id: request.id })
        .execute();
      if (!done.affected) throw CommunityError.alreadyDecided();
      if (approve && !(await this.repo.roleIn(request.memberId, RoleScope.Hub, hub.id, tx))) {
        await this.repo.setRole(tx, request.memberId, RoleScope.Hub, hub.id, Role.Member);
      }
    });
    const requester = await this.members.findById(request.memberId);
    if (requester) {
      const locale = isLocale(requester.locale) ? requester.locale : DEFAULT_LOCALE;
      await this.mail.send({ to: requester.email, ...joinDecisionMail(locale, hub.name, approve) });
    }
    return (await this.repo.joinRequests.findOneBy({ id: request.id }))!;
  }

  async invite(actor: MemberActor, input: InviteMemberInput): Promise<InvitationEntity> {
    const email = check.email(input.email);
    const target = await this.target(actor, input.organisationId, input.hubId);
    const role = input.role as unknown as Role;
    this.assertRoleFits(target.scope, role);
    const token = randomBytes(32).toString('base64url');
    const invitation = await this.repo.invitations.save(
      this.repo.invitations.create({
        email,
        role,
        hubId: target.scope === RoleScope.Hub ? target.hub.id : null,
        organisationId: target.scope === RoleScope.Organisation ? target.organisation.id : null,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        invitedBy: actor.memberId,
      }),
    );
    const inviter = await this.members.findById(actor.memberId);
    const existing = await this.members.findByEmail(email);
    const localeSource = existing?.locale ?? inviter?.locale;
    const locale = isLocale(localeSource) ? localeSource : DEFAULT_LOCALE;
    const link = `${this.config.publicUrl}/invitations/${encodeURIComponent(token)}`;
    const targetName = target.scope === RoleScope.Hub ? target.hub.name : target.organisation.name;
    await this.mail.send({ to: email, ...invitationMail(locale, inviter?.name ?? 'Anyam', targetName, role, link) });
    return invitation;
  }

  /** What a link offers, for the page shown before accepting (public: the token is the secret). */
  async preview(token: string): Promise<{ invitation: InvitationEntity; targetName: string; hubSlug: string | null; organisationSlug: string | null; usable: boolean } | null> {
    const invitation = token.length > 0 && token.length < 200 ? await this.repo.invitations.findOneBy({ tokenHash: hashToken(token) }) : null;
    if (!invitation) return null;
    const hub = invitation.hubId ? await this.repo.hubs.findOneBy({ id: invitation.hubId }) : null;
    const org = invitation.organisationId ? await this.repo.organisations.findOneBy({ id: invitation.organisationId }) : null;
    return {
      invitation,
      targetName: hub?.name ?? org?.name ?? '',
      hubSlug: hub?.slug ?? null,
      organisationSlug: org?.slug ?? null,
      usable: usable(invitation),
    };
  }

  async accept(actor: MemberActor, token: string): Promise<InvitationEntity> {
    const invitation = token.length > 0 && token.length < 200 ? await this.repo.invitations.findOneBy({ tokenHash: hashToken(token) }) : null;
    if (!invitation || !usable(invitation)) throw CommunityError.invitationInvalid();
    const me = await this.members.findById(actor.memberId);
    if (!me || me.email !== invitation.email) throw CommunityError.invitationOtherEmail();
    const scope = invitation.hubId ? RoleScope.Hub : RoleScope.Organisation;
    const scopeId = (invitation.hubId ?? invitation.organisationId)!;
    await this.repo.db.transaction(async (tx) => {
      const spent = await tx
        .getRepository(InvitationEntity)
        .createQueryBuilder()
        .update()
        .set({ acceptedAt: () => 'now()', acceptedBy: actor.memberId })
        .where('id = :id AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()', { id: invitation.id })
        .execute();
      if (!spent.affected) throw CommunityError.invitationInvalid();
      const current = await this.repo.roleIn(actor.memberId, scope, scopeId, tx);
      // An invitation never lowers a role someone already holds.
      const role = strongest([invitation.role, ...(current ? [current] : [])])!;
      if (role !== current) await this.repo.setRole(tx, actor.memberId, scope, scopeId, role);
      if (scope === RoleScope.Hub) {
        await tx.getRepository(HubJoinRequestEntity).delete({ hubId: scopeId, memberId: actor.memberId, status: 'pending' });
      }
    });
    return (await this.repo.invitations.findOneBy({ id: invitation.id }))!;
  }

  async revoke(actor: MemberActor, id: string): Promise<InvitationEntity> {
    const invitation = isUuid(id) ? await this.repo.invitations.findOneBy({ id }) : null;
    if (!invitation || !this.mayManage(actor, invitation.hubId, invitation.organisationId)) throw CommunityError.invitationNotFound();
    if (invitation.acceptedAt || invitation.revokedAt) throw CommunityError.invitationInvalid();
    await this.repo.invitations.update({ id: invitation.id, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: new Date() });
    return (await this.repo.invitations.findOneBy({ id: invitation.id }))!;
  }

  /** Coordinators change roles of people already in their hub or organisation; admins may add anyone. */
  async setRole(actor: MemberActor, input: SetMemberRoleInput): Promise<{ scope: RoleScope; scopeId: string; role: Role }> {
    const target = await this.target(actor, input.organisationId, input.hubId);
    const role = input.role as unknown as Role;
    this.assertRoleFits(target.scope, role);
    const scopeId = target.scope === RoleScope.Hub ? target.hub.id : target.organisation.id;
    if (!isUuid(input.memberId) || !(await this.members.findById(input.memberId))) throw CommunityError.memberNotFound();
    await this.repo.db.transaction(async (tx) => {
      const current = await this.repo.roleIn(input.memberId, target.scope, scopeId, tx);
      if (!current && !isAdmin(actor)) throw CommunityError.notMember('memberId');
      if (current === Role.Coordinator && role !== Role.Coordinator && (await this.repo.countCoordinators(tx, target.scope, scopeId)) <= 1) {
        throw CommunityError.lastCoordinator();
      }
      await this.repo.setRole(tx, input.memberId, target.scope, scopeId, role);
    });
    return { scope: target.scope, scopeId, role };
  }

  private mayManage(actor: Actor, hubId: string | null, organisationId: string | null): boolean {
    if (hubId) return CommunityPolicy.canCoordinateHub(actor, { id: hubId });
    return !!organisationId && CommunityPolicy.canCoordinateOrganisation(actor, { id: organisationId });
  }

  /** The hub or organisation an invitation / role change is about; NOT_FOUND unless the actor coordinates it. */
  private async target(actor: Actor, organisationId?: string | null, hubId?: string | null): Promise<Target> {
    if (!!organisationId === !!hubId) throw CommunityError.oneTarget();
    if (hubId) {
      const hub = await this.community.visibleHub(actor, hubId);
      CommunityPolicy.assertCanEditHub(actor, hub);
      return { scope: RoleScope.Hub, hub };
    }
    const organisation = await this.community.visibleOrganisation(actor, organisationId!);
    CommunityPolicy.assertCanEditOrganisation(actor, organisation);
    return { scope: RoleScope.Organisation, organisation };
  }

  private assertRoleFits(scope: RoleScope, role: Role) {
    const allowed = scope === RoleScope.Hub ? HUB_ROLES : ORGANISATION_ROLES;
    if (!allowed.includes(role)) throw CommunityError.roleNotAllowed();
  }
}

function usable(i: InvitationEntity): boolean {
  return !i.acceptedAt && !i.revokedAt && i.expiresAt.getTime() > Date.now();
}
