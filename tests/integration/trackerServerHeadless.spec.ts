import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { delay } from '../support/async.ts';
import { randomPort } from '../support/localDaemon.ts';
import { appArgv } from '../support/process.ts';
import { makeTempDir, removeTree, writeFile } from '../support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { hexToBytes } from '../support/trackerSettings.ts';
import { TrackerProbe, UdpProbe } from '../support/trackerProbe.ts';

/**
 * The built-in tracker in `--headless`: nothing listens while it is off (the default); turned on
 * in settings.json, it listens on 127.0.0.1 over HTTP and UDP, and a library torrent whose
 * announce URL is the built-in tracker shows the app itself as its seeder (self-tracking).
 */
describe('built-in tracker in headless mode (integration)', () => {
  let home: string;
  let proc: Gio.Subprocess | null = null;

  beforeEach(() => {
    home = makeTempDir('dfs-headless-tracker');
  });
  afterEach(async () => {
    if (proc) {
      proc.send_signal(15);
      const deadline = GLib.get_monotonic_time() + 10e6;
      while (!proc.get_if_exited() && GLib.get_monotonic_time() < deadline) await delay(50);
      if (!proc.get_if_exited()) proc.force_exit();
    }
    proc = null;
    removeTree(home);
  });

  function launch(settings: object, torrents: Uint8Array[] = []): void {
    writeFile(`${home}/dfakeseeder/settings.json`, JSON.stringify(settings));
    torrents.forEach((t, i) => writeFile(`${home}/dfakeseeder/torrents/t${i}.torrent`, t));
    const launcher = new Gio.SubprocessLauncher({
      flags: Gio.SubprocessFlags.STDOUT_SILENCE | Gio.SubprocessFlags.STDERR_SILENCE,
    });
    launcher.setenv('XDG_CONFIG_HOME', home, true);
    launcher.setenv('DISPLAY', '', true);
    launcher.setenv('WAYLAND_DISPLAY', '', true);
    proc = launcher.spawnv(appArgv('--headless'));
  }

  it('listens on nothing while the tracker is off', async () => {
    const port = randomPort();
    const own = makeTorrent({ announce: `http://127.0.0.1:${port}/announce` });
    launch({ tracker_settings: { enabled: false, http_port: port, udp_port: port } }, [own]);
    // The app is up once it has tried to announce the torrent; give it time to (not) listen.
    await delay(3000);
    expect(proc!.get_if_exited()).toBeFalse();
    await expectAsync(new TrackerProbe(port).get('/scrape')).toBeRejected();
    const udp = new UdpProbe(port);
    await expectAsync(udp.connect()).toBeRejected();
    udp.close();
  }, 20_000);

  it('turned on, serves HTTP and UDP on 127.0.0.1 and tracks its own torrent', async () => {
    const port = randomPort();
    const own = makeTorrent({ announce: `http://127.0.0.1:${port}/announce` });
    const hash = fixtureInfoHashHex(own);
    launch({ tracker_settings: { enabled: true, http_port: port, udp_port: port } }, [own]);
    const probe = new TrackerProbe(port);
    const seeders = async () => {
      try {
        const files = (await probe.scrape([hexToBytes(hash)])).files as Record<string, { complete: number }>;
        return Object.values(files)[0]?.complete ?? 0;
      } catch {
        return -1; // not listening yet
      }
    };
    const deadline = GLib.get_monotonic_time() + 20e6;
    let complete = await seeders();
    while (complete !== 1 && GLib.get_monotonic_time() < deadline) {
      await delay(100);
      complete = await seeders();
    }
    expect(complete).withContext('the app seeding its own torrent on its own tracker').toBe(1);
    probe.dispose();
    const udp = new UdpProbe(port);
    expect((await udp.connect()).length).toBe(8);
    udp.close();
  }, 30_000);
});
