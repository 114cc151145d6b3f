import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { appArgv, runProcess } from '../support/process.ts';
import { makeTempDir, readText, removeTree } from '../support/tempdir.ts';

/**
 * The remote password in a real keyring: GNOME Keyring (unlocked) on a session bus of its own,
 * `--set-remote-password` stores the hashed record there through libsecret, and settings.json
 * keeps neither the password nor its hash.
 */
describe('remote password in the keyring (integration: gnome-keyring-daemon on its own session bus)', () => {
  const available =
    GLib.find_program_in_path('gnome-keyring-daemon') !== null && GLib.find_program_in_path('secret-tool') !== null;
  if (!available) {
    it('needs gnome-keyring and secret-tool', () => pending('gnome-keyring or libsecret-tools is not installed'));
    return;
  }
  let home: string;
  beforeAll(() => {
    home = makeTempDir('dfs-remote-keyring');
    GLib.mkdir_with_parents(`${home}/run`, 0o700);
  });
  afterAll(() => removeTree(home));

  it('stores a salted hash there, not in settings.json, under the schema ie.fio.dfakeseeder.Remote', async () => {
    const app = appArgv('--set-remote-password')
      .map((a) => GLib.shell_quote(a))
      .join(' ');
    const script = [
      'echo -n keyring-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
      `echo 'a password for the keyring' | ${app}`,
      'secret-tool lookup purpose remote-access-password',
    ].join(' && ');
    const r = await runProcess(['dbus-run-session', '--', 'bash', '-c', script], {
      env: {
        XDG_CONFIG_HOME: `${home}/config`,
        XDG_DATA_HOME: `${home}/data`,
        XDG_RUNTIME_DIR: `${home}/run`,
        HOME: home,
        DISPLAY: '',
      },
      timeoutMs: 60000,
    });
    expect(r.status).withContext(r.stderr).toBe(0);
    expect(r.stdout).toContain('The remote-access password is stored (hashed) in your keyring.');
    expect(r.stdout).toMatch(/pbkdf2-sha256\$60000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}/);
    const settings = readText(`${home}/config/dfakeseeder/settings.json`);
    expect(settings).not.toContain('a password for the keyring');
    const remote = JSON.parse(settings).remote;
    expect(remote.password_in_keyring).toBeTrue();
    expect(remote.password_hash).toBe('');
  }, 90000);
});
