import { useSyncExternalStore } from 'react';

/** navigator.onLine, kept current by the browser's online/offline events (the offline emulation fires them too). */
function subscribe(callback: () => void) {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/** A failed request because there is no connection (fetch's TypeError), not an answer from the server. */
export function isNetworkError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  if (error instanceof TypeError) return true;
  const e = error as { name?: string; networkError?: unknown; cause?: unknown };
  if (e.networkError) return true;
  if (e.name === 'ServerError' || e.name === 'ServerParseError') return false;
  return e.cause instanceof TypeError;
}
