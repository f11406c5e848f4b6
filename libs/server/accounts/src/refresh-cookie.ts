import type { CookieOptions, Request, Response } from 'express';
import { GRAPHQL_PATH } from '@anyam/server/core';

export const REFRESH_COOKIE = 'anyam_refresh';
/**
 * A script-readable hint that a refresh cookie exists (it holds no secret: "1"). Without it the web app
 * knows a visitor has no session and skips the refresh request on every first load.
 */
export const SESSION_HINT_COOKIE = 'anyam_session';

/** httpOnly (no script can read it), SameSite=Strict (never sent cross-site), only to /graphql. */
export function refreshCookieOptions(publicUrl: string, maxAgeDays: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: publicUrl.startsWith('https://'),
    path: GRAPHQL_PATH,
    maxAge: maxAgeDays * 24 * 60 * 60 * 1000,
  };
}

export function readRefreshCookie(req: Request | undefined): string | null {
  const value = (req as (Request & { cookies?: Record<string, string> }) | undefined)?.cookies?.[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 && value.length < 200 ? value : null;
}

const hintOptions = (options: CookieOptions): CookieOptions => ({ ...options, httpOnly: false, path: '/' });

export function writeRefreshCookie(res: Response | undefined, token: string, options: CookieOptions) {
  res?.cookie(REFRESH_COOKIE, token, options);
  res?.cookie(SESSION_HINT_COOKIE, '1', hintOptions(options));
}

export function clearRefreshCookie(res: Response | undefined, options: CookieOptions) {
  const { maxAge: _maxAge, ...rest } = options;
  res?.clearCookie(REFRESH_COOKIE, rest);
  res?.clearCookie(SESSION_HINT_COOKIE, hintOptions(rest));
}
