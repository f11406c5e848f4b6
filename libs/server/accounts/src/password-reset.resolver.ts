import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, Public, RequestContext } from '@anyam/server/core';
import { PasswordResetService } from './password-reset.service';

@Resolver()
export class PasswordResetResolver {
  constructor(private readonly resets: PasswordResetService) {}

  @Public()
  @Mutation(() => Boolean, { description: 'Mail a reset link if an account exists; always true, so addresses cannot be probed.' })
  async requestPasswordReset(@Args('email') email: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    await this.resets.request(email, ctx.ip);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Set a new password with the token from the reset link.' })
  async resetPassword(
    @Args('token') token: string,
    @Args('password') password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await this.resets.reset(token, password, ctx.ip);
    return true;
  }
}
