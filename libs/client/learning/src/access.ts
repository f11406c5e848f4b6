/**
 * Lesson files are downloaded with the same Bearer token as GraphQL. The web shell tells this library how to
 * read the current token (it owns the AccessTokenStore); the token is never stored anywhere.
 */
let source: () => string | null = () => null;

export function setAccessTokenSource(read: () => string | null): void {
  source = read;
}

export function currentAccessToken(): string | null {
  return source();
}

/** Fetches a protected file and hands it to the browser as a download under its own name. */
export async function downloadFile(url: string, fileName: string): Promise<void> {
  const token = currentAccessToken();
  const response = await fetch(url, { credentials: 'same-origin', headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`download failed: ${response.status}`);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 30_000);
}
