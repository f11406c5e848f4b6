import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import passport from 'passport';
import { Actor, ANONYMOUS } from './actor';
import { bearerToken } from './token.service';

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
  /** Set when a bearer token was sent but is expired or invalid: protected operations answer UNAUTHENTICATED. */
  authProblem?: 'invalidToken';
}

/** Runs passport's JWT strategy on every request; no token means a visitor, a bad token is remembered. */
@Injectable()
export class AuthenticateMiddleware implements NestMiddleware {
  use(req: AuthenticatedRequest, res: Response, next: NextFunction) {
    if (!bearerToken(req.headers.authorization)) {
      req.actor = ANONYMOUS;
      return next();
    }
    passport.authenticate('jwt', { session: false }, (err: unknown, actor: Actor | false) => {
      if (err || !actor) {
        req.actor = ANONYMOUS;
        req.authProblem = 'invalidToken';
      } else {
        req.actor = actor;
      }
      next();
    })(req, res, next);
  }
}
