import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit random token for a cookie or link, and the SHA-256 we store instead of it. */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
