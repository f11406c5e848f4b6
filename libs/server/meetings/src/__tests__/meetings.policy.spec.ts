import { ANONYMOUS, memberActor } from '@anyam/server/core';
import { Role, RoleScope } from '@anyam/shared/domain';
import { MeetingsPolicy, NO_HUBS } from '../meetings.policy';
import { vtimezone } from '../vtimezone';

const sari = memberActor('sari', []);
const admin = memberActor('admin', [{ role: Role.Admin, scope: RoleScope.Network, scopeId: null }]);
const sariHubs = { memberOf: new Set(['hub-a']), coordinates: new Set<string>(), invitedTo: new Set<string>() };
const dewiHubs = { memberOf: new Set(['hub-a']), coordinates: new Set(['hub-a']), invitedTo: new Set<string>() };
const dewi = memberActor('dewi', [{ role: Role.Coordinator, scope: RoleScope.Hub, scopeId: 'hub-a' }]);
const publicSeries = { id: 's-public', visibility: 'public' as const, organisingHubId: 'hub-a' };
const hubsSeries = { id: 's-hubs', visibility: 'hubs' as const, organisingHubId: 'hub-a' };
const invitedSeries = { id: 's-invited', visibility: 'invited' as const, organisingHubId: 'hub-a' };

describe('MeetingsPolicy', () => {
  it('shows public series to everyone and hubs series to members of a participating hub', () => {
    expect(MeetingsPolicy.canSeeSeries(ANONYMOUS, publicSeries, ['hub-a'], NO_HUBS)).toBe(true);
    expect(MeetingsPolicy.canSeeSeries(ANONYMOUS, hubsSeries, ['hub-a'], NO_HUBS)).toBe(false);
    expect(MeetingsPolicy.canSeeSeries(sari, hubsSeries, ['hub-a', 'hub-b'], sariHubs)).toBe(true);
    expect(MeetingsPolicy.canSeeSeries(sari, hubsSeries, ['hub-b'], sariHubs)).toBe(false);
    expect(MeetingsPolicy.canSeeSeries(admin, hubsSeries, ['hub-b'], NO_HUBS)).toBe(true);
    expect(() => MeetingsPolicy.assertCanSeeSeries(sari, hubsSeries, ['hub-b'], sariHubs)).toThrow(/No such meeting/);
  });

  it('shows invited series only to invitees, the organising hub’s coordinators and admins — not to hub members', () => {
    const sariInvited = { ...sariHubs, invitedTo: new Set(['s-invited']) };
    expect(MeetingsPolicy.canSeeSeries(sari, invitedSeries, ['hub-a'], sariHubs)).toBe(false);
    expect(MeetingsPolicy.canSeeSeries(sari, invitedSeries, ['hub-a'], sariInvited)).toBe(true);
    expect(MeetingsPolicy.canSeeSeries(sari, { ...invitedSeries, id: 'other' }, ['hub-a'], sariInvited)).toBe(false);
    expect(MeetingsPolicy.canSeeSeries(dewi, invitedSeries, ['hub-a'], dewiHubs)).toBe(true);
    expect(MeetingsPolicy.canSeeSeries(admin, invitedSeries, ['hub-b'], NO_HUBS)).toBe(true);
    expect(MeetingsPolicy.canSeeSeries(ANONYMOUS, invitedSeries, ['hub-a'], NO_HUBS)).toBe(false);
    expect(MeetingsPolicy.canRsvp(sari, invitedSeries, ['hub-a'], sariInvited)).toBe(true);
    expect(MeetingsPolicy.canSeeOnlineUrl(sari, invitedSeries, ['hub-a'], sariHubs)).toBe(false);
  });

  it('lets coordinators of the organising hub (from role_grants) and admins edit', () => {
    expect(MeetingsPolicy.canEditSeries(dewi, publicSeries, dewiHubs)).toBe(true);
    // A token grant alone is not enough: the database facts decide (a revoked role stops at once).
    expect(MeetingsPolicy.canEditSeries(dewi, publicSeries, sariHubs)).toBe(false);
    expect(MeetingsPolicy.canEditSeries(sari, publicSeries, sariHubs)).toBe(false);
    expect(MeetingsPolicy.canEditSeries(admin, publicSeries, NO_HUBS)).toBe(true);
    expect(MeetingsPolicy.canEditSeries(ANONYMOUS, publicSeries, NO_HUBS)).toBe(false);
    expect(() => MeetingsPolicy.assertCanEditSeries(sari, publicSeries, sariHubs)).toThrow(/coordinators of the organising hub/);
  });

  it('gives RSVP and the online link only to signed-in members who may see the series', () => {
    expect(MeetingsPolicy.canRsvp(ANONYMOUS, publicSeries, ['hub-a'], NO_HUBS)).toBe(false);
    expect(MeetingsPolicy.canSeeOnlineUrl(ANONYMOUS, publicSeries, ['hub-a'], NO_HUBS)).toBe(false);
    expect(MeetingsPolicy.canRsvp(sari, publicSeries, ['hub-z'], NO_HUBS)).toBe(true);
    expect(MeetingsPolicy.canSeeOnlineUrl(sari, hubsSeries, ['hub-z'], sariHubs)).toBe(false);
  });
});

describe('vtimezone', () => {
  it('lists the 2026 Santiago offset changes with the local time before each change', () => {
    const text = vtimezone('America/Santiago', 2026, 2026);
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20260405T000000\r\nTZOFFSETFROM:-0300\r\nTZOFFSETTO:-0400');
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260906T000000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0300');
  });

  it('has a single fixed offset for Jakarta and Lima', () => {
    expect(vtimezone('Asia/Jakarta', 2026, 2030).match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toHaveLength(1);
    expect(vtimezone('America/Lima', 2026, 2030)).toContain('TZOFFSETTO:-0500');
  });
});
