import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Role, RoleScope } from '@anyam/shared/domain';
import { AppConfig } from '../config/app-config';
import { memberActor, MemberActor, RoleGrant } from './actor';

/** Claims of a short-lived access token. Role grants travel in it so most requests need no lookup. */
export interface AccessTokenClaims {
  sub: string;
  /** [role, scope, scopeId] */
  grants: [Role, RoleScope, string | null][];
  typ: 'access';
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  issueAccessToken(memberId: string, grants: readonly RoleGrant[]): { token: string; expiresAt: Date } {
    const claims: AccessTokenClaims = {
      sub: memberId,
      grants: grants.map((g) => [g.role, g.scope, g.scopeId]),
      typ: 'access',
    };
    const token = this.jwt.sign(claims, { expiresIn: this.config.ACCESS_TOKEN_TTL });
    return { token, expiresAt: new Date(Date.now() + this.config.ACCESS_TOKEN_TTL * 1000) };
  }

  /** The actor for valid claims, or null. */
  actorFromClaims(claims: Partial<AccessTokenClaims> | null | undefined): MemberActor | null {
    if (!claims || claims.typ !== 'access' || typeof claims.sub !== 'string' || !Array.isArray(claims.grants)) return null;
    return memberActor(
      claims.sub,
      claims.grants.map(([role, scope, scopeId]) => ({ role, scope, scopeId })),
    );
  }

  /** Verifies a bearer token (for WebSocket connections, where there is no HTTP request to run passport on). */
  actorFromToken(token: string): MemberActor | null {
    try {
      return this.actorFromClaims(this.jwt.verify<AccessTokenClaims>(token));
    } catch {
      return null;
    }
  }
}

export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}
