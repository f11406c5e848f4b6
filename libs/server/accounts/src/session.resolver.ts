import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AppConfig, Ctx, Public, RequestContext, memberActor } from '@anyam/server/core';
import { AuthPayloadType } from './graphql/auth-payload.type';
import { SignInInput } from './graphql/sign-in.input';
import { SignUpInput } from './graphql/sign-up.input';
import { IssuedSession, SessionService } from './session.service';
import { MemberService } from './member.service';
import { toMemberType } from './member.mapper';
import { clearRefreshCookie, readRefreshCookie, refreshCookieOptions, writeRefreshCookie } from './refresh-cookie';

/** Sign-up, sign-in, refresh and sign-out. The refresh token only ever travels in an httpOnly cookie. */
@Resolver(() => AuthPayloadType)
export class SessionResolver {
  constructor(
    private readonly members: MemberService,
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadType, { description: 'Create an account and sign in.' })
  async signUp(@Args('input') input: SignUpInput, @Ctx() ctx: RequestContext): Promise<AuthPayloadType> {
    const member = await this.members.signUp(input, ctx.ip);
    return this.respond(await this.sessions.start(member, ctx.req?.headers['user-agent']), ctx);
  }

  @Public()
  @Mutation(() => AuthPayloadType)
  async signIn(@Args('input') input: SignInInput, @Ctx() ctx: RequestContext): Promise<AuthPayloadType> {
    const member = await this.members.authenticate(input.email, input.password, ctx.ip);
    return this.respond(await this.sessions.start(member, ctx.req?.headers['user-agent']), ctx);
  }

  @Public()
  @Mutation(() => AuthPayloadType, { description: 'Exchange the refresh cookie for a new access token (the cookie rotates).' })
  async refreshSession(@Ctx() ctx: RequestContext): Promise<AuthPayloadType> {
    try {
      return this.respond(await this.sessions.refresh(readRefreshCookie(ctx.req), ctx.req?.headers['user-agent']), ctx);
    } catch (e) {
      clearRefreshCookie(ctx.res, this.cookieOptions());
      throw e;
    }
  }

  @Public()
  @Mutation(() => Boolean, { description: 'End this session (safe to call when already signed out).' })
  async signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    await this.sessions.end(readRefreshCookie(ctx.req));
    clearRefreshCookie(ctx.res, this.cookieOptions());
    return true;
  }

  private respond(session: IssuedSession, ctx: RequestContext): AuthPayloadType {
    writeRefreshCookie(ctx.res, session.refreshToken, this.cookieOptions());
    // The member is shown to themself, so they see their own e-mail.
    const viewer = memberActor(session.member.id, []);
    return { accessToken: session.accessToken, expiresAt: session.expiresAt, member: toMemberType(session.member, viewer) };
  }

  private cookieOptions() {
    return refreshCookieOptions(this.config.publicUrl, this.config.REFRESH_TOKEN_DAYS);
  }
}
