/**
 * The access token lives here, in memory only: never in localStorage or a readable cookie, so a script
 * injected into the page cannot carry it off after the tab closes. The refresh token is an httpOnly cookie
 * the browser sends with `credentials: 'same-origin'`.
 */
export class AccessTokenStore {
  private token: string | null = null;
  private expires = 0;
  private inflight: Promise<boolean> | null = null;
  private refresher: (() => Promise<boolean>) | null = null;
  private listeners = new Set<(token: string | null) => void>();

  get current(): string | null {
    return this.token;
  }

  /** Milliseconds until the token expires (0 when there is none). */
  get remainingMs(): number {
    return this.token ? Math.max(0, this.expires - Date.now()) : 0;
  }

  set(token: string, expiresAt: string): void {
    const changedIdentity = this.token === null;
    this.token = token;
    this.expires = Date.parse(expiresAt) || Date.now() + 5 * 60_000;
    if (changedIdentity) this.emit();
  }

  clear(): void {
    if (this.token === null) return;
    this.token = null;
    this.expires = 0;
    this.emit();
  }

  /** Called when someone signs in or out (not on a plain rotation), e.g. to reconnect the WebSocket. */
  onIdentityChange(listener: (token: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The session layer says how to refresh (it owns the refreshSession mutation and its result). */
  setRefresher(refresher: (() => Promise<boolean>) | null): void {
    this.refresher = refresher;
  }

  /**
   * Gets a new access token from the refresh cookie. Concurrent callers share one request: the server
   * rotates the refresh token on every use, so a second request with the old cookie would be refused.
   */
  refresh(): Promise<boolean> {
    if (!this.refresher) return Promise.resolve(false);
    if (!this.inflight) {
      this.inflight = this.refresher().finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.token);
  }
}
