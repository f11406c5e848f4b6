import type { Request, Response } from 'express';
import type { Actor } from '../auth/actor';
import type { RequestLoaders } from '../loaders/request-loaders';

/** What every resolver sees: who asks, their loaders, and (over HTTP) the request and response. */
export interface RequestContext {
  actor: Actor;
  loaders: RequestLoaders;
  authProblem?: 'invalidToken';
  /** Client address, for rate limits. */
  ip: string;
  req?: Request;
  res?: Response;
  transport: 'http' | 'ws';
}
