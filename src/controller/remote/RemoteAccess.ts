import GLib from 'gi://GLib';

import { errorMessage } from '../../lib/errors.ts';
import { _ } from '../../lib/i18n.ts';
import { logger } from '../../lib/log.ts';
import { ApiTokens } from './ApiTokens.ts';
import { EventStream } from './EventStream.ts';
import { LoginThrottle, type ThrottlePolicy } from './LoginThrottle.ts';
import { type Keyring, PasswordVault } from './PasswordVault.ts';
import { RemoteApi } from './RemoteApi.ts';
import { RemoteServer, loadCertificate } from './RemoteServer.ts';
import { type Settings, SETTINGS } from '../../model/settings/index.ts';
import type { CommandSurface, RemoteSource } from './RemoteSource.ts';
import { RequestGuard } from './RequestGuard.ts';
import { SessionStore } from './SessionStore.ts';
import { WebAssets } from './WebAssets.ts';
import { removeSource, sourceAlive } from '../../lib/sources.ts';

/** What Preferences shows about remote access. */
export interface RemoteStatus {
  listening: boolean;
  /** The address to open in a browser (the first one listened on), or ''. */
  address: string;
  /** Why it is not listening although it was turned on, in words; '' when none. */
  problem: string;
  tls: boolean;
}

export interface RemoteAccessOptions {
  settings: Settings;
  source: RemoteSource;
  commands: CommandSurface;
  keyring: Keyring | null;
  /** Where uploads wait to be added (private to the user). */
  uploadDir: string;
  /** Turned on for this run by the command line (`--remote`), whatever settings.json says. */
  forceOn?: boolean;
  /** Failed-login policy (the default: 3 free, then 0.5 s doubling to 8 s, 15 min lockout after 10). */
  throttle?: ThrottlePolicy;
}

/**
 * Remote access as a whole: builds the server and its parts, and follows the `remote.*`
 * settings, listening only while `remote.enabled` (or `--remote`) is on and a password is set.
 * Nothing listens otherwise. The window's Preferences and the headless app both use this.
 */
export class RemoteAccess {
  readonly vault: PasswordVault;
  readonly tokens: ApiTokens;
  readonly sessions = new SessionStore();
  readonly events: EventStream;
  readonly api: RemoteApi;
  readonly #settings: Settings;
  readonly #server: RemoteServer;
  readonly #listeners = new Set<() => void>();
  readonly #forceOn: boolean;
  #changedId = 0;
  #restartSource = 0;
  #problem = '';
  #tls = false;

  constructor(options: RemoteAccessOptions) {
    const { settings, source, commands } = options;
    this.#settings = settings;
    this.#forceOn = options.forceOn ?? false;
    this.vault = new PasswordVault(settings, options.keyring);
    this.tokens = new ApiTokens(settings);
    const throttle = new LoginThrottle(options.throttle);
    const guard = new RequestGuard(settings, this.sessions, this.tokens, () => this.#tls);
    this.events = new EventStream(source, () => this.api.stats(), {
      counts: () => source.stateCounts(),
      alternativeSpeeds: () => settings.get(SETTINGS.speed.enable_alternative_speeds),
    });
    this.api = new RemoteApi({
      settings,
      source,
      commands,
      guard,
      sessions: this.sessions,
      vault: this.vault,
      tokens: this.tokens,
      throttle,
      events: this.events,
      uploadDir: options.uploadDir,
      tls: () => this.#tls,
    });
    this.#server = new RemoteServer(this.api, new WebAssets());
  }

  /** Listens if turned on, and follows the settings from now on. */
  start(): void {
    this.#changedId = this.#settings.connect('changed', (_s, path) => {
      if (!path.startsWith('remote.') || path === 'remote.tokens') return;
      if (path === 'remote.password_hash' || path === 'remote.password_in_keyring') this.sessions.clear();
      this.#scheduleApply();
    });
    this.#apply();
  }

  /** Stops listening and ends every stream (quit). */
  stop(): void {
    if (this.#changedId) this.#settings.disconnect(this.#changedId);
    this.#changedId = 0;
    removeSource(this.#restartSource);
    this.#restartSource = 0;
    this.events.closeAll();
    this.#server.stop();
  }

  get status(): RemoteStatus {
    return {
      listening: this.#server.listening,
      address: this.#server.uris[0] ?? '',
      problem: this.#problem,
      tls: this.#tls,
    };
  }

  // ---- what Preferences → Remote Access uses (src/view/RemoteAccessPage.ts) ----

  get passwordIsSet(): boolean {
    return this.vault.isSet;
  }

  get passwordInKeyring(): boolean {
    return this.vault.inKeyring;
  }

  setPassword(password: string): Promise<void> {
    return this.vault.set(password);
  }

  listTokens(): { id: string; name: string; created: number }[] {
    return this.tokens.list().map(({ id, name, created }) => ({ id, name, created }));
  }

  createToken(name: string): string {
    return this.tokens.create(name).token;
  }

  revokeToken(id: string): void {
    this.tokens.revoke(id);
  }

  onStatusChanged(callback: () => void): () => void {
    this.#listeners.add(callback);
    return () => this.#listeners.delete(callback);
  }

  /** Several settings often change together (Preferences, settings import): apply once. */
  #scheduleApply(): void {
    if (sourceAlive(this.#restartSource)) return;
    this.#restartSource = GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
      this.#restartSource = 0;
      this.#apply();
      return GLib.SOURCE_REMOVE;
    });
  }

  #apply(): void {
    const s = this.#settings;
    const on = this.#forceOn || s.get(SETTINGS.remote.enabled);
    this.events.closeAll();
    this.#server.stop();
    this.#problem = '';
    this.#tls = false;
    if (on) {
      try {
        if (!this.vault.isSet) throw new Error(_('Set a password for remote access first.'));
        const cert = s.get(SETTINGS.remote.tls_certificate).trim();
        const key = s.get(SETTINGS.remote.tls_key).trim();
        if ((cert === '') !== (key === '')) throw new Error(_('TLS needs both a certificate file and its key file.'));
        const tls = cert !== '' ? loadCertificate(cert, key) : null;
        this.#tls = tls !== null;
        this.#server.start({
          port: s.get(SETTINGS.remote.port),
          network: s.get(SETTINGS.remote.listen) === 'network',
          tls,
        });
        logger.info(`remote access: listening on ${this.#server.uris.join(', ')}`);
      } catch (e) {
        this.#problem = errorMessage(e);
        this.#tls = false;
        logger.error(`remote access is off: ${this.#problem}`);
      }
    }
    for (const l of this.#listeners) l();
  }
}
