import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ANONYMOUS } from './actor';
import type { RequestContext } from '../graphql/request-context';

/** The actor of the current GraphQL operation (anonymous for visitors). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<RequestContext>().actor ?? ANONYMOUS;
});

/** The whole request context (actor, loaders, HTTP request/response). */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  GqlExecutionContext.create(context).getContext<RequestContext>(),
);
