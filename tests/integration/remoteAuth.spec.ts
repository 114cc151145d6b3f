import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';

import '../../src/lib/promisify.ts';
import { constantTimeEqual, pbkdf2Sha256 } from '../../src/controller/remote/pbkdf2.ts';
import { RemoteAccess } from '../../src/controller/remote/RemoteAccess.ts';
import { SessionStore } from '../../src/controller/remote/SessionStore.ts';
import { SettingsStore } from '../../src/model/settings/index.ts';
import { closedPort } from '../support/ports.ts';
import { RemoteClient, emptySource, noCommands } from '../support/remoteApp.ts';
import { makeTempDir, readText, removeTree } from '../support/tempdir.ts';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

async function connectionRefused(port: number): Promise<boolean> {
  try {
    const c = (await new Gio.SocketClient().connect_to_host_async(
      `127.0.0.1:${port}`,
      port,
      null,
    )) as unknown as Gio.SocketConnection;
    c.close(null);
    return false;
  } catch {
    return true;
  }
}

describe('remote access: passwords, sessions, login backoff and API tokens (real HTTP on 127.0.0.1)', () => {
  // Each login runs a deliberately slow hash; on a loaded machine a spec needs more than 5 s.
  let savedTimeout = 0;
  beforeAll(() => {
    savedTimeout = jasmine.DEFAULT_TIMEOUT_INTERVAL;
    jasmine.DEFAULT_TIMEOUT_INTERVAL = 60000;
  });
  afterAll(() => {
    jasmine.DEFAULT_TIMEOUT_INTERVAL = savedTimeout;
  });
  let dir: string;
  let settings: SettingsStore;
  let access: RemoteAccess;
  let port: number;
  let base: string;

  beforeEach(() => {
    dir = makeTempDir('dfs-remote-auth');
    settings = SettingsStore.open(dir);
    port = closedPort();
    base = `http://127.0.0.1:${port}`;
    settings.set('remote.port', port);
    access = new RemoteAccess({
      settings,
      source: emptySource,
      commands: noCommands,
      keyring: null,
      uploadDir: `${dir}/uploads`,
      throttle: { freeFailures: 2, lockoutAfter: 5, lockoutS: 600, firstDelayMs: 20, maxDelayMs: 80 },
    });
    access.start();
  });

  afterEach(() => {
    access.stop();
    removeTree(dir);
  });

  async function turnOn(): Promise<void> {
    let changed = false;
    const stop = access.onStatusChanged(() => (changed = true));
    settings.set('remote.enabled', true);
    while (!changed) await new Promise<void>((r) => GLib.idle_add(GLib.PRIORITY_LOW, () => (r(), GLib.SOURCE_REMOVE)));
    stop();
  }

  it('derives PBKDF2-HMAC-SHA256 as RFC 7914 says, and compares in constant time', async () => {
    const salt = new TextEncoder().encode('salt');
    expect(hex(await pbkdf2Sha256('password', salt, 1))).toBe(
      '120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b',
    );
    expect(hex(await pbkdf2Sha256('password', salt, 4096))).toBe(
      'c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a',
    );
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBeTrue();
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBeFalse();
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBeFalse();
  });

  it('listens on nothing while off, nor when on without a password, and says why', async () => {
    expect(access.status.listening).toBeFalse();
    expect(await connectionRefused(port)).toBeTrue();
    await turnOn();
    expect(access.status.listening).toBeFalse();
    expect(access.status.problem).toBe('Set a password for remote access first.');
    expect(await connectionRefused(port)).toBeTrue();
    await expectAsync(access.vault.set('short')).toBeRejectedWithError('The password needs at least 8 characters.');
  });

  it('keeps only a salted slow hash of the password in settings.json, never the password', async () => {
    await access.vault.set('a long enough password');
    await settings.saveNow();
    const file = readText(settings.path);
    expect(file).not.toContain('a long enough password');
    expect(JSON.parse(file).remote.password_hash).toMatch(
      /^pbkdf2-sha256\$60000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/,
    );
    expect(await access.vault.verify('a long enough password')).toBeTrue();
    expect(await access.vault.verify('a long enough passworD')).toBeFalse();
  });

  it('slows repeated failed logins from one address, then refuses even the right password for a while (429)', async () => {
    await access.vault.set('the right password');
    await turnOn();
    expect(access.status.listening).toBeTrue();
    expect(access.status.address).toBe(`http://127.0.0.1:${port}/`);
    const client = new RemoteClient(base);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await client.login('wrong password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const locked = await client.login('the right password');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get_one('Retry-After'))).toBeGreaterThan(500);
    expect(locked.json.error.message).toMatch(
      /^Too many failed logins from this address\. Try again in \d+ seconds\.$/,
    );
    expect(client.cookie).toBe('');
  });

  it('lets a script in with an API token (no cookie, no CSRF), stores only its hash, and refuses it once revoked', async () => {
    await access.vault.set('the right password');
    await turnOn();
    const { token, entry } = access.tokens.create('backup script');
    expect(token).toMatch(/^dfs_[A-Za-z0-9_-]{43}$/);
    await settings.saveNow();
    expect(readText(settings.path)).not.toContain(token);
    const script = new RemoteClient(base);
    const auth = { Authorization: `Bearer ${token}` };
    expect((await script.request('GET', '/api/v1/stats', { headers: auth })).status).toBe(200);
    const patch = await script.request('PATCH', '/api/v1/settings', { json: { upload_speed: 70 }, headers: auth });
    expect(patch.status).toBe(200);
    expect(settings.get<number>('upload_speed')).toBe(70);
    expect(access.tokens.revoke(entry.id)).toBeTrue();
    const after = await script.request('GET', '/api/v1/stats', { headers: auth });
    expect(after.status).toBe(401);
    expect(after.json.error.message).toBe('This API token is not valid (it may have been revoked).');
    expect(
      (await script.request('GET', '/api/v1/stats', { headers: { Authorization: 'Bearer dfs_guess' } })).status,
    ).toBe(401);
  });

  it('ends every session when the password changes', async () => {
    await access.vault.set('the right password');
    await turnOn();
    const client = new RemoteClient(base);
    expect((await client.login('the right password')).status).toBe(200);
    expect((await client.request('GET', '/api/v1/stats')).status).toBe(200);
    await access.vault.set('another right password');
    await new Promise<void>((r) => GLib.idle_add(GLib.PRIORITY_LOW, () => (r(), GLib.SOURCE_REMOVE)));
    expect((await client.request('GET', '/api/v1/stats')).status).toBe(401);
  });

  it('serves HTTPS from the certificate and key the user points at, with a Secure cookie', async () => {
    const cert = `${dir}/cert.pem`;
    const key = `${dir}/key.pem`;
    const [ok] = GLib.spawn_command_line_sync(
      `openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -keyout ${key} -out ${cert}`,
    );
    expect(ok).toBeTrue();
    settings.set('remote.tls_certificate', cert);
    settings.set('remote.tls_key', key);
    await access.vault.set('the right password');
    await turnOn();
    expect(access.status.tls).toBeTrue();
    expect(access.status.address).toBe(`https://127.0.0.1:${port}/`);
    const session = new Soup.Session({ timeout: 10 });
    const msg = Soup.Message.new('POST', `https://127.0.0.1:${port}/api/v1/login`)!;
    msg.connect('accept-certificate', () => true); // the spec's own self-signed certificate
    msg.set_request_body_from_bytes(
      'application/json',
      new GLib.Bytes(new TextEncoder().encode('{"password":"the right password"}')),
    );
    await session.send_and_read_async(msg, GLib.PRIORITY_DEFAULT, null);
    expect(msg.get_status()).toBe(200);
    expect(msg.get_response_headers().get_one('Set-Cookie')).toContain('; Secure');
    expect(await new RemoteClient(`http://127.0.0.1:${port}`).request('GET', '/').catch(() => null)).toBeNull();
  });

  it('refuses to start with only one of the TLS files, rather than falling back to plain HTTP', async () => {
    settings.set('remote.tls_certificate', `${dir}/cert.pem`);
    await access.vault.set('the right password');
    await turnOn();
    expect(access.status.listening).toBeFalse();
    expect(access.status.problem).toBe('TLS needs both a certificate file and its key file.');
  });

  it('answers on the network only to its own names: IP addresses, its host name and the names listed', async () => {
    settings.set('remote.listen', 'network');
    settings.set('remote.host_names', 'seedbox.lan');
    await access.vault.set('the right password');
    await turnOn();
    const guardOf = (host: string) => access.api.checkHostName(host);
    expect(guardOf('192.168.1.20')).toBeTrue();
    expect(guardOf('seedbox.lan')).toBeTrue();
    expect(guardOf(GLib.get_host_name().toLowerCase())).toBeTrue();
    expect(guardOf('attacker.example')).toBeFalse();
    settings.set('remote.listen', 'loopback');
    expect(guardOf('192.168.1.20')).toBeFalse();
    expect(guardOf('localhost')).toBeTrue();
  });
});

describe('remote sessions', () => {
  it('end after twelve idle hours, and the oldest goes when too many are open', () => {
    let now = 1000;
    const store = new SessionStore(() => now);
    const s = store.create();
    now += 11 * 3600;
    expect(store.find(s.id)).not.toBeNull();
    now += 12 * 3600 + 1;
    expect(store.find(s.id)).toBeNull();
    const first = store.create();
    for (let i = 0; i < 64; i++) {
      now++;
      store.create();
    }
    expect(store.find(first.id)).toBeNull();
    expect(store.size).toBe(64);
  });
});
