import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../config/app-config';
import { AccessTokenClaims, TokenService } from './token.service';
import { MemberActor } from './actor';

/** passport-jwt: `Authorization: Bearer <access token>` → the member actor. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly tokens: TokenService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject (see AppConfig.jwtKey); passport-jwt hands it to jsonwebtoken as it is.
      secretOrKey: config.jwtKey as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): MemberActor | false {
    return this.tokens.actorFromClaims(claims) ?? false;
  }
}
