import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError } from '../errors/app-error';
import { ACCESS_METADATA, AccessDeclaration } from './access.decorators';
import type { RequestContext } from '../graphql/request-context';

/**
 * Global guard: every resolver and controller handler must declare `@Public()` or
 * `@RequirePermission(...)`; an undeclared one is refused (fail closed) and logged.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!declaration) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access; refused`);
      throw AppError.forbidden();
    }
    if (declaration.kind === 'public') return true;

    const ctx = this.requestContext(context);
    const actor = ctx?.actor;
    if (!actor || actor.kind === 'anonymous') {
      throw ctx?.authProblem
        ? AppError.unauthenticated('Your session has expired. Please sign in again.', 'sessionExpired')
        : AppError.unauthenticated();
    }
    if (!actor.permissions.has(declaration.permission)) throw AppError.forbidden();
    return true;
  }

  private requestContext(context: ExecutionContext): Pick<RequestContext, 'actor' | 'authProblem'> | undefined {
    if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext<RequestContext>();
    const req = context.switchToHttp().getRequest();
    return { actor: req.actor, authProblem: req.authProblem };
  }
}
