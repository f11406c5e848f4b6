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

export interface UploadProblem {
  code: string;
  reason?: string;
}

/**
 * Sends one file as multipart `file` with the Bearer token, reporting progress (0–1). Resolves on 2xx;
 * rejects with the server's `{ code, reason }` (or `{ code: 'NETWORK' }`).
 */
export function uploadFile(url: string, file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const token = currentAccessToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
        return;
      }
      let problem: UploadProblem = { code: 'UNKNOWN' };
      try {
        const body = JSON.parse(xhr.responseText) as Partial<UploadProblem>;
        problem = { code: body.code ?? 'UNKNOWN', reason: body.reason };
      } catch {
        // not JSON: keep UNKNOWN
      }
      reject(problem);
    };
    xhr.onerror = () => reject({ code: 'NETWORK' } satisfies UploadProblem);
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
