import type { CookieOptions, Request, Response } from 'express';
import { GRAPHQL_PATH } from '@anyam/server/core';

export const REFRESH_COOKIE = 'anyam_refresh';

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

export function writeRefreshCookie(res: Response | undefined, token: string, options: CookieOptions) {
  res?.cookie(REFRESH_COOKIE, token, options);
}

export function clearRefreshCookie(res: Response | undefined, options: CookieOptions) {
  const { maxAge: _maxAge, ...rest } = options;
  res?.clearCookie(REFRESH_COOKIE, rest);
}
