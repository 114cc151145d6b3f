import GLib from 'gi://GLib';

import { SettingsStore } from '../../src/model/settings/index.ts';
import { TrackerNetwork } from '../../src/model/tracker/index.ts';
import { waitFor } from '../support/async.ts';
import { CaptureServer } from '../support/captureServer.ts';
import { keyringSecret, startKeyring, storeInKeyring } from '../support/keyring.ts';
import { appArgv, runProcess } from '../support/process.ts';
import { makeTempDir, readText, removeTree, writeFile } from '../support/tempdir.ts';
import { hexToBytes } from '../support/trackerSettings.ts';
import { AppProcess } from './dbusAppProcess.ts';

/**
 * The proxy password lives in the keyring (libsecret), against a real gnome-keyring-daemon on
 * the spec run's session bus; settings.json keeps only the item's reference.
 */
const HASH = hexToBytes('20645e13eb9baabd6bddbdc54625f83cb1e309bd');
const REQ = { infoHash: HASH, event: 'started' as const, uploaded: 0, downloaded: 0, left: 0, trackerId: null };

function proxySettings(extra: Record<string, unknown>): string {
  return JSON.stringify({
    proxy: { type: 'http', server: '127.0.0.1', port: 9, auth_enabled: true, username: 'ann', ...extra },
  });
}

describe('proxy password in the keyring', () => {
  let dir: string;
  beforeAll(async () => {
    if (!(await startKeyring())) pending('gnome-keyring and secret-tool are not installed');
  });
  beforeEach(() => {
    dir = makeTempDir('dfs-keyring');
  });
  afterEach(() => removeTree(dir));

  it('moves a plain password from settings.json into the keyring and out of the file', async () => {
    writeFile(`${dir}/settings.json`, proxySettings({ password: 'old secret' }));
    const store = SettingsStore.open(dir);
    await store.proxyPassword.ready;
    expect(store.proxyPassword.value).toBe('old secret');
    expect(store.proxyPassword.problem).toBeNull();
    const id = store.get<string>('proxy.password_id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await keyringSecret(id)).toBe('old secret');
    await store.saveNow();
    const text = readText(`${dir}/settings.json`);
    expect(text).not.toContain('old secret');
    const proxy = (JSON.parse(text) as { proxy: Record<string, unknown> }).proxy;
    expect(proxy.password).toBeUndefined();
    expect(proxy.password_id).toBe(id);
    // The next start finds it in the keyring.
    const again = SettingsStore.open(dir);
    await again.proxyPassword.ready;
    expect(again.proxyPassword.value).toBe('old secret');
  });

  it('TrackerNetwork authenticates to the proxy with the password looked up in the keyring', async () => {
    await storeInKeyring('spec-proxy-item', 'from the keyring');
    const proxy = new CaptureServer();
    proxy.respond = (r) =>
      r.headers.some(([k]) => k === 'Proxy-Authorization')
        ? { body: 'd8:intervali900ee' }
        : {
            status: 407,
            reason: 'Proxy Authentication Required',
            headers: [['Proxy-Authenticate', 'Basic realm="t"']],
          };
    writeFile(`${dir}/settings.json`, proxySettings({ port: proxy.port, password_id: 'spec-proxy-item' }));
    const store = SettingsStore.open(dir);
    const network = new TrackerNetwork(store);
    try {
      // Announced at once: the network waits for the keyring's answer, not for a 407.
      const reply = await network.announce('http://127.0.0.1:9/announce', REQ, { cancellable: null });
      expect(reply.interval).toBe(900);
      const auth = proxy.requests.at(-1)!.headers.find(([k]) => k === 'Proxy-Authorization')![1];
      expect(GLib.base64_decode(auth.replace('Basic ', ''))).toEqual(new TextEncoder().encode('ann:from the keyring'));
    } finally {
      network.dispose();
      proxy.stop();
    }
  });

  it('a new password goes to the keyring (never to the file), and an empty one removes it', async () => {
    const store = SettingsStore.open(dir);
    await store.proxyPassword.change('typed in preferences');
    const id = store.get<string>('proxy.password_id');
    expect(await keyringSecret(id)).toBe('typed in preferences');
    await store.saveNow();
    expect(readText(`${dir}/settings.json`)).not.toContain('typed in preferences');
    await store.proxyPassword.change('');
    expect(await keyringSecret(id)).toBeNull();
    expect(store.get<string>('proxy.password_id')).toBe('');
    expect(store.proxyPassword.problem).toBeNull();
  });
});

describe('proxy password without a keyring', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir('dfs-nokeyring');
  });
  afterEach(() => removeTree(dir));

  it('says so, uses the password for this run only and never writes it in plain text', async () => {
    const config = `${dir}/config/dfakeseeder`;
    writeFile(`${config}/settings.json`, proxySettings({ password: 'plain secret' }));
    // A session bus of its own on which no Secret Service can be started.
    GLib.mkdir_with_parents(`${dir}/no-services`, 0o700);
    writeFile(
      `${dir}/bus.conf`,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${dir}</listen>
<servicedir>${dir}/no-services</servicedir>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>`,
    );
    const app = new AppProcess(
      [
        'dbus-run-session',
        `--config-file=${dir}/bus.conf`,
        '--',
        'sh',
        '-c',
        'echo "app pid $$"; exec "$@"',
        'sh',
        ...appArgv('--headless'),
      ],
      { XDG_CONFIG_HOME: `${dir}/config`, G_MESSAGES_DEBUG: 'dfakeseeder' },
    );
    try {
      await waitFor(() => app.output.includes('could not be stored in your keyring'), 'the keyring problem', 20000);
      expect(app.output).toContain(
        'The proxy password could not be stored in your keyring (no keyring service (such as GNOME Keyring) is running). It is used for this run only and is not saved.',
      );
      await waitFor(() => app.output.includes('loaded 0 torrents'), 'the app to start', 20000);
      const pid = /app pid (\d+)/.exec(app.output)![1];
      await runProcess(['kill', '-TERM', pid]);
      expect(await app.waitExit(15000)).toBe(0);
    } finally {
      await app.stop();
    }
    const text = readText(`${config}/settings.json`);
    expect(text).not.toContain('plain secret');
    expect((JSON.parse(text) as { proxy: { username: string } }).proxy.username).toBe('ann');
  }, 40000);
});
