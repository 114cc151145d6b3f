/** The JSON API as the page uses it: same origin, the session cookie, and the CSRF token. */

export interface Row {
  hash: string;
  id: number;
  name: string;
  status: string;
  active: boolean;
  progress: number;
  size: number;
  upload_rate: number;
  download_rate: number;
  session_uploaded: number;
  session_downloaded: number;
  total_uploaded: number;
  total_downloaded: number;
  ratio: number;
  seeders: number;
  leechers: number;
  label: string;
  priority: number;
  upload_limit: number;
  download_limit: number;
  next_update: number;
  tracker_host: string;
  tracker_message: string;
  error_message: string;
}

export interface Stats {
  upload_rate: number;
  download_rate: number;
  session_uploaded: number;
  session_downloaded: number;
  total_uploaded: number;
  total_downloaded: number;
  torrents: number;
  counts: Record<string, number>;
  alternative_speeds: boolean;
}

export interface Details extends Row {
  comment: string;
  trackers: { url: string; tier: number; status: string; seeders: number; leechers: number; message: string }[];
  files: { path: string; length: number }[];
  log: { time: number; level: string; message: string }[];
  options: Record<string, number | boolean>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let csrf = '';

export function setCsrf(token: string): void {
  csrf = token;
}

export async function call<T>(method: string, path: string, body?: unknown, raw?: Blob): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (raw) headers['Content-Type'] = 'application/x-bittorrent';
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    credentials: 'same-origin',
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data?.error?.message ?? `HTTP ${res.status}`);
  return data as T;
}

/** The session already open in this browser (after a reload), or null. */
export async function currentSession(): Promise<string | null> {
  try {
    const s = await call<{ csrf: string | null }>('GET', '/session');
    return s.csrf;
  } catch {
    return null;
  }
}

export function upload(file: File): Promise<Row> {
  return call<Row>('POST', `/torrents?name=${encodeURIComponent(file.name)}`, undefined, file);
}
