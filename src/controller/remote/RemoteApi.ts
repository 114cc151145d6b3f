import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';

import { errorMessage } from '../../lib/errors.ts';
import { _, format } from '../../lib/i18n.ts';
import { logger } from '../../lib/log.ts';
import type { ApiTokens } from './ApiTokens.ts';
import { type EventStream, MAX_STREAMS } from './EventStream.ts';
import { HttpError, sendError, sendJson } from './httpReply.ts';
import type { LoginThrottle } from './LoginThrottle.ts';
import type { PasswordVault } from './PasswordVault.ts';
import { type Settings, SETTINGS } from '../../model/settings/index.ts';
import type { CommandSurface, RemoteSource } from './RemoteSource.ts';
import { type Caller, RequestGuard } from './RequestGuard.ts';
import { SESSION_COOKIE, type SessionStore } from './SessionStore.ts';
import { StatisticsRoutes } from './StatisticsRoutes.ts';
import { type Query, TorrentRoutes } from './TorrentRoutes.ts';

/** The settings the API reads and changes (the rest stay with Preferences and settings.json). */
const SETTINGS_SUBSET = [
  'upload_speed',
  'download_speed',
  'total_upload_speed',
  'total_download_speed',
  'speed.upload_limit_kbps',
  'speed.download_limit_kbps',
  'speed.enable_alternative_speeds',
  'speed.alt_upload_limit_kbps',
  'speed.alt_download_limit_kbps',
  'agent',
] as const;

/** Per-torrent fields PATCH takes, and the action each goes through. */
const OPTION_KEYS = new Set([
  'active',
  'upload_speed',
  'download_speed',
  'announce_interval',
  'threshold',
  'stop_ratio',
  'stop_seeding_minutes',
  'announce_floor',
]);

export interface RemoteApiParts {
  settings: Settings;
  source: RemoteSource;
  commands: CommandSurface;
  guard: RequestGuard;
  sessions: SessionStore;
  vault: PasswordVault;
  tokens: ApiTokens;
  throttle: LoginThrottle;
  events: EventStream;
  uploadDir: string;
  tls: () => boolean;
}

function parseJson(msg: Soup.ServerMessage): Record<string, unknown> {
  const body = msg.get_request_body().flatten().toArray();
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new HttpError(400, 'bad_json', _('The request body is not valid JSON.'));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HttpError(400, 'bad_json', _('The request body must be a JSON object.'));
  return value as Record<string, unknown>;
}

function wait(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((r) => GLib.timeout_add(GLib.PRIORITY_DEFAULT, ms, () => (r(), GLib.SOURCE_REMOVE)));
}

/**
 * `/api/v1/…`: routes a request after RequestGuard's checks, and answers JSON (errors as
 * `{"error": {status, code, message}}`). Handlers that wait (login, upload) pause the message.
 */
export class RemoteApi {
  readonly #p: RemoteApiParts;
  readonly #torrents: TorrentRoutes;
  readonly #statistics: StatisticsRoutes;

  constructor(parts: RemoteApiParts) {
    this.#p = parts;
    this.#torrents = new TorrentRoutes(parts.source, parts.commands, parts.uploadDir);
    this.#statistics = new StatisticsRoutes(parts.source);
  }

  /** True when the page may be opened under this host name (see RequestGuard). */
  checkHostName(host: string): boolean {
    return this.#p.guard.hostAllowed(host);
  }

  /** Host and Origin checks for the page's files (throws HttpError). */
  checkHost(msg: Soup.ServerMessage): void {
    this.#p.guard.checkOrigin(msg);
  }

  /** Answers `msg`; never throws. */
  handle(msg: Soup.ServerMessage, path: string, query: Query): void {
    msg.pause();
    this.#route(msg, path, query)
      .then((result) => {
        if (result !== undefined) sendJson(msg, result.status, result.body);
      })
      .catch((e: unknown) => {
        if (e instanceof HttpError) {
          if (e.status === 429 && e.retryAfter) msg.get_response_headers().replace('Retry-After', String(e.retryAfter));
          sendError(msg, e.status, e.code, e.message);
        } else {
          logger.error(`remote API ${msg.get_method()} ${path}: ${errorMessage(e)}`);
          sendError(msg, 500, 'internal', _('Something went wrong inside the app; see its log.'));
        }
      })
      .finally(() => msg.unpause());
  }

  async #route(
    msg: Soup.ServerMessage,
    path: string,
    query: Query,
  ): Promise<{ status: number; body: unknown } | undefined> {
    const method = msg.get_method();
    const p = this.#p;
    p.guard.checkOrigin(msg);
    const m = /^\/api\/v1(\/.*)?$/.exec(path);
    if (!m) throw new HttpError(404, 'not_found', _('There is no such API address; the API lives under /api/v1/.'));
    const route = m[1] ?? '/';
    if (route === '/login') {
      if (method !== 'POST') throw this.#methodNotAllowed();
      return this.#login(msg);
    }
    const caller = p.guard.authenticate(msg);
    const parts = route.split('/').filter(Boolean);
    if (StatisticsRoutes.owns(parts[0])) {
      if (method !== 'GET') throw this.#methodNotAllowed();
      return { status: 200, body: this.#statistics.get(parts, query) };
    }
    const key = `${method} /${parts.map((x, i) => (i === 1 && parts[0] === 'torrents' ? ':hash' : i === 1 && parts[0] === 'actions' ? ':name' : x)).join('/')}`;
    switch (key) {
      case 'POST /logout':
        return this.#logout(msg, caller);
      case 'GET /session':
        return {
          status: 200,
          body: { csrf: caller.kind === 'session' ? caller.session.csrf : null, via: caller.kind },
        };
      case 'GET /stats':
        return { status: 200, body: this.stats() };
      case 'GET /settings':
        return { status: 200, body: this.#settingsSubset() };
      case 'PATCH /settings':
        this.#patchSettings(parseJson(msg));
        return { status: 200, body: this.#settingsSubset() };
      case 'GET /identities':
        return { status: 200, body: this.#p.source.clientIdentities() };
      case 'GET /torrents':
        return { status: 200, body: this.#torrents.list(query) };
      case 'POST /torrents':
        return {
          status: 201,
          body: await this.#torrents.add(msg.get_request_body().flatten().toArray(), query.name ?? ''),
        };
      case 'GET /torrents/:hash':
        if (parts.length !== 2) break;
        return { status: 200, body: this.#torrents.details(parts[1]) };
      case 'DELETE /torrents/:hash':
        await this.#torrents.run('remove', [this.#torrents.find(parts[1]).info_hash]);
        return { status: 200, body: { removed: parts[1].toLowerCase() } };
      case 'PATCH /torrents/:hash':
        await this.#patchTorrent(this.#torrents.find(parts[1]).info_hash, parseJson(msg));
        return { status: 200, body: this.#torrents.details(parts[1]) };
      case 'POST /torrents/:hash/pause':
      case 'POST /torrents/:hash/resume':
      case 'POST /torrents/:hash/announce': {
        const hash = this.#torrents.find(parts[1]).info_hash;
        const action = parts[2] === 'announce' ? 'force-announce' : parts[2];
        await this.#torrents.run(action, [hash]);
        return { status: 200, body: this.#torrents.details(hash) };
      }
      case 'POST /actions/:name':
        return this.#action(parts[1], parseJson(msg));
      case 'GET /events':
        if (p.events.size >= MAX_STREAMS)
          throw new HttpError(429, 'too_many_streams', _('Too many pages are connected at once; close one.'), 5);
        p.events.attach(msg);
        return undefined;
    }
    if (this.#knownPath(parts)) throw this.#methodNotAllowed();
    throw new HttpError(404, 'not_found', format(_('There is no API call %1$s %2$s.'), method, path));
  }

  #knownPath(parts: string[]): boolean {
    const top = parts[0] ?? '';
    return ['logout', 'session', 'stats', 'settings', 'identities', 'torrents', 'actions', 'events', 'login'].includes(
      top,
    );
  }

  #methodNotAllowed(): HttpError {
    return new HttpError(405, 'method_not_allowed', _('This API address does not take that method.'));
  }

  async #login(msg: Soup.ServerMessage) {
    const p = this.#p;
    const body = parseJson(msg);
    if (typeof body.password !== 'string' || body.password === '')
      throw new HttpError(400, 'bad_parameter', _('Send the password as {"password": "…"}.'));
    const address = msg.get_remote_host() ?? '?';
    const verdict = p.throttle.check(address);
    if (!verdict.allowed)
      throw new HttpError(
        429,
        'too_many_attempts',
        format(_('Too many failed logins from this address. Try again in %1$s seconds.'), String(verdict.retryAfterS)),
        verdict.retryAfterS,
      );
    p.throttle.begin();
    let ok: boolean;
    try {
      await wait(verdict.delayMs);
      ok = p.vault.isSet && (await p.vault.verify(body.password));
    } finally {
      p.throttle.end();
    }
    if (!ok) {
      p.throttle.failed(address);
      logger.warning(`remote access: failed login from ${address}`);
      throw new HttpError(401, 'wrong_password', _('That password is not right.'));
    }
    p.throttle.succeeded(address);
    const session = p.sessions.create();
    const secure = p.tls() ? '; Secure' : '';
    msg
      .get_response_headers()
      .append('Set-Cookie', `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Strict${secure}`);
    logger.info(`remote access: login from ${address}`);
    return { status: 200, body: { csrf: session.csrf } };
  }

  #logout(msg: Soup.ServerMessage, caller: Caller) {
    if (caller.kind === 'session') this.#p.sessions.end(caller.session.id);
    msg.get_response_headers().append('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    return { status: 204, body: null };
  }

  /** The global figures: rates, totals and counts. */
  stats() {
    const s = this.#p.source;
    const t = s.totals();
    return {
      upload_rate: t.uploadRate,
      download_rate: t.downloadRate,
      session_uploaded: t.sessionUploaded,
      session_downloaded: t.sessionDownloaded,
      total_uploaded: t.totalUploaded,
      total_downloaded: t.totalDownloaded,
      torrents: s.torrents().length,
      counts: s.stateCounts(),
      alternative_speeds: this.#p.settings.get(SETTINGS.speed.enable_alternative_speeds),
    };
  }

  #settingsSubset(): Record<string, unknown> {
    return Object.fromEntries(SETTINGS_SUBSET.map((k) => [k, this.#p.settings.get(k)]));
  }

  /** All or nothing: a refused value puts back the ones already written. */
  #patchSettings(body: Record<string, unknown>): void {
    const settings = this.#p.settings;
    const keys = Object.keys(body);
    if (keys.length === 0) throw new HttpError(400, 'bad_parameter', _('Send at least one setting to change.'));
    for (const k of keys)
      if (!(SETTINGS_SUBSET as readonly string[]).includes(k))
        throw new HttpError(
          400,
          'bad_parameter',
          format(_('“%1$s” cannot be changed here; these can: %2$s.'), k, SETTINGS_SUBSET.join(', ')),
        );
    if ('agent' in body && !this.#p.source.clientIdentities().some((i) => i.value === body.agent))
      throw new HttpError(
        400,
        'bad_parameter',
        format(_('There is no client identity “%1$s”; GET /api/v1/identities lists them.'), String(body.agent)),
      );
    const before = new Map(keys.map((k) => [k, settings.get(k)]));
    try {
      for (const k of keys) settings.set(k, body[k]);
    } catch (e) {
      for (const [k, v] of before) settings.set(k, v);
      throw new HttpError(400, 'bad_value', errorMessage(e));
    }
  }

  async #patchTorrent(hash: string, body: Record<string, unknown>): Promise<void> {
    const keys = Object.keys(body);
    if (keys.length === 0) throw new HttpError(400, 'bad_parameter', _('Send at least one field to change.'));
    const known = ['upload_limit', 'download_limit', 'label', 'priority', 'name', ...OPTION_KEYS];
    for (const k of keys)
      if (!known.includes(k))
        throw new HttpError(
          400,
          'bad_parameter',
          format(_('“%1$s” cannot be changed; these can: %2$s.'), k, known.join(', ')),
        );
    const limit = (k: string) => {
      const v = body[k];
      if (v === undefined) return -1;
      if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 10_000_000)
        throw new HttpError(
          400,
          'bad_value',
          format(_('“%1$s” must be a whole number of KB/s from 0 (no limit) to 10000000.'), k),
        );
      return v as number;
    };
    const priorities: Record<string, string> = {
      '0': 'low',
      '1': 'normal',
      '2': 'high',
      low: 'low',
      normal: 'normal',
      high: 'high',
    };
    if ('priority' in body && priorities[String(body.priority)] === undefined)
      throw new HttpError(400, 'bad_value', _('“priority” must be low, normal or high.'));
    if ('label' in body && typeof body.label !== 'string')
      throw new HttpError(400, 'bad_value', _('“label” must be a text.'));
    if ('name' in body && (typeof body.name !== 'string' || body.name.trim() === ''))
      throw new HttpError(400, 'bad_value', _('“name” must be a text that is not empty.'));
    const up = limit('upload_limit');
    const down = limit('download_limit');
    for (const k of keys)
      if (OPTION_KEYS.has(k) && typeof body[k] !== (k === 'active' ? 'boolean' : 'number'))
        throw new HttpError(
          400,
          'bad_value',
          format(_('“%1$s” must be %2$s.'), k, k === 'active' ? _('true or false') : _('a number')),
        );
    const run = (name: string, parameter: unknown) => this.#torrents.run(name, parameter);
    if (up >= 0 || down >= 0) await run('set-limits', [[hash], up, down]);
    if ('priority' in body) await run('set-priority', [[hash], priorities[String(body.priority)]]);
    if ('label' in body) await run('set-label', [[hash], body.label]);
    if ('name' in body) await run('rename', [hash, body.name]);
    for (const k of keys) if (OPTION_KEYS.has(k)) await run('set-option', [[hash], k, body[k]]);
  }

  /** Any torrent action of the app by name: `{"parameter": <its JSON form>}`. */
  async #action(name: string, body: Record<string, unknown>) {
    if (!this.#p.commands.has(name))
      throw new HttpError(404, 'unknown_action', format(_('There is no action “%1$s”.'), name));
    if (name === 'add-uris')
      throw new HttpError(
        403,
        'not_remote',
        _('Adding files by their path is not offered remotely; upload the .torrent with POST /api/v1/torrents.'),
      );
    const parameter = body.parameter ?? null;
    // Torrents named in the parameter must exist: a clear 404 rather than nothing happening.
    const first = Array.isArray(parameter) ? parameter[0] : null;
    if (name === 'scale-speed') {
      if (Array.isArray(parameter) && Array.isArray(parameter[2]) && parameter[2].length)
        this.#torrents.checkHashes(parameter[2]);
    } else if (name === 'apply-profile') {
      if (Array.isArray(parameter) && Array.isArray(parameter[1])) this.#torrents.checkHashes(parameter[1]);
    } else if (Array.isArray(parameter) && parameter.every((x) => typeof x === 'string')) {
      this.#torrents.checkHashes(parameter);
    } else if (Array.isArray(first)) this.#torrents.checkHashes(first);
    else if (typeof first === 'string') this.#torrents.find(first);
    await this.#torrents.run(name, parameter);
    return { status: 200, body: { done: name } };
  }
}
