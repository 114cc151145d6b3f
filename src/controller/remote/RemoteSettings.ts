/** What the remote interface reads and writes of the settings store (`remote.*` keys). */
export interface RemoteSettings {
  get<T>(path: string): T;
  set(path: string, value: unknown): void;
  connect(signal: 'changed', callback: (store: unknown, path: string) => void): number;
  disconnect(id: number): void;
}

/** A stored API token: only its hash is kept; the token itself is shown once, when created. */
export interface StoredToken {
  id: string;
  name: string;
  /** Hex SHA-256 of the token. */
  hash: string;
  /** Unix seconds. */
  created: number;
}

export const REMOTE_DEFAULT_PORT = 8765;
