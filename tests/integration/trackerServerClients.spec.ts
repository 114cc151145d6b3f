import GLib from 'gi://GLib';

import type { TrackerService } from '../../src/model/trackerServer/index.ts';
import { delay, waitFor } from '../support/async.ts';
import {
  aria2Client,
  hasLibtorrent,
  hasProgram,
  libtorrentClient,
  makeRealTorrent,
  qbittorrentClient,
  qbPost,
  RealClient,
  type RealTorrent,
  transmissionClient,
} from '../support/realClients.ts';
import { runProcess } from '../support/process.ts';
import { makeTempDir, removeTree } from '../support/tempdir.ts';
import { startTrackerService } from '../support/trackerServer.ts';

const CLIENT_TIMEOUT_MS = 120_000;

/**
 * Real clients announce to the built-in tracker on 127.0.0.1 over HTTP and UDP: each shows up in
 * the peer table and leaves it by its `stopped`. Then a real seeder and a real downloader find
 * each other through it and the download completes byte for byte.
 */
describe('built-in tracker with real clients (integration)', () => {
  if (!hasProgram('mktorrent')) {
    it('needs mktorrent', () => pending('mktorrent is not installed'));
    return;
  }
  let service: TrackerService;
  let dir: string;
  const clients: RealClient[] = [];
  const track = <T extends RealClient>(c: T): T => {
    clients.push(c);
    return c;
  };

  beforeAll(() => {
    dir = makeTempDir('dfs-real-clients');
    ({ service } = startTrackerService({ 'tracker_settings.log_announces': true }));
  });
  afterAll(async () => {
    for (const c of clients) {
      if (!c.exited) c.proc?.send_signal(15);
      await c.kill(3000);
    }
    service?.stop();
    removeTree(dir);
  });

  const url = (scheme: 'http' | 'udp') =>
    scheme === 'http'
      ? `http://127.0.0.1:${service.http.port}/announce`
      : `udp://127.0.0.1:${service.udp.port}/announce`;
  const peersOf = (t: RealTorrent) => service.core.peers.swarm(t.infoHashHex)?.peers ?? [];
  const client = (c: RealClient) => `${c.name}: ${c.tail()}`;

  /** Waits for `c` to be in the peer table, then for its `stopped` after stop(). */
  async function seenThenStopped(c: RealClient, t: RealTorrent, prefix: string): Promise<void> {
    await waitFor(() => peersOf(t).length === 1, `${client(c)} in the peer table`, 60_000);
    const peerId = String.fromCharCode(...peersOf(t)[0].peerId.subarray(0, prefix.length));
    expect(peerId).toBe(prefix);
    await c.stop();
    await waitFor(() => peersOf(t).length === 0, `the stopped of ${client(c)}`, 20_000);
  }

  for (const scheme of ['http', 'udp'] as const) {
    it(
      `python3-libtorrent announces over ${scheme} and leaves on stopped`,
      async () => {
        if (!hasLibtorrent()) pending('python3-libtorrent is not installed');
        const t = await makeRealTorrent(dir, `lt-${scheme}.bin`, url(scheme));
        const c = track(libtorrentClient(dir, t));
        await seenThenStopped(c, t, '-LT');
        await c.kill(8000);
      },
      CLIENT_TIMEOUT_MS,
    );

    it(
      `aria2c announces over ${scheme} and leaves on stopped`,
      async () => {
        if (!hasProgram('aria2c')) pending('aria2 is not installed');
        const t = await makeRealTorrent(dir, `aria-${scheme}.bin`, url(scheme));
        // aria2 1.36 sends no stopped on SIGTERM (observed): it seeds the data for 9 s
        // (--seed-time is in minutes) and then leaves the swarm with its stopped.
        const c = track(aria2Client(dir, t, t.dataDir, ['--seed-time=0.15']));
        c.stopper = async () => undefined;
        await seenThenStopped(c, t, 'A2-');
        await c.kill(8000);
      },
      CLIENT_TIMEOUT_MS,
    );

    it(
      `transmission-daemon announces over ${scheme} and leaves on stopped`,
      async () => {
        if (!hasProgram('transmission-daemon') || !hasProgram('transmission-remote'))
          pending('transmission-daemon is not installed');
        const t = await makeRealTorrent(dir, `tr-${scheme}.bin`, url(scheme));
        const c = track(await transmissionClient(dir));
        // Transmission 3.00 sends no stopped when the daemon exits, only when a torrent is removed.
        c.stopper = async () => void (await runProcess(['transmission-remote', c.rpc, '-t', 'all', '-r']));
        const added = await runProcess(['transmission-remote', c.rpc, '-w', t.dataDir, '-a', t.path]);
        expect(added.status).withContext(added.stderr).toBe(0);
        await seenThenStopped(c, t, '-TR');
        c.proc?.send_signal(15);
        await c.kill(8000);
      },
      CLIENT_TIMEOUT_MS,
    );

    it(
      `qbittorrent-nox announces over ${scheme} and leaves on stopped`,
      async () => {
        if (!hasProgram('qbittorrent-nox')) pending('qbittorrent-nox is not installed');
        const t = await makeRealTorrent(dir, `qb-${scheme}.bin`, url(scheme));
        const c = track(await qbittorrentClient(dir));
        c.stopper = () => qbPost(c.api, '/torrents/delete', { hashes: t.infoHashHex, deleteFiles: 'false' });
        await qbPost(c.api, '/torrents/add', { savepath: t.dataDir }, t.path);
        await seenThenStopped(c, t, '-qB');
        c.proc?.send_signal(15);
        await c.kill(8000);
      },
      CLIENT_TIMEOUT_MS,
    );
  }

  it(
    'lets a real seeder and a real downloader find each other and complete the file',
    async () => {
      if (!hasLibtorrent() || !hasProgram('aria2c')) pending('python3-libtorrent and aria2 are needed');
      const t = await makeRealTorrent(dir, 'swarm.bin', url('http'), 3 << 20);
      const seeder = track(libtorrentClient(dir, t));
      await waitFor(() => peersOf(t).some((p) => p.seeder), `${client(seeder)} seeding`, 30_000);
      const seederPort = peersOf(t)[0].port;
      const dl = `${dir}/swarm-dl`;
      const leecher = track(aria2Client(dir, t, dl, ['--seed-time=0']));
      // The tracker hands the downloader the seeder's real address, and nothing else.
      await waitFor(() => peersOf(t).length === 2, `${client(leecher)} in the swarm`, 30_000);
      const swarm = service.core.peers.swarm(t.infoHashHex)!;
      expect(swarm.seeders).toBe(1);
      expect(peersOf(t).find((p) => p.seeder)!.port).toBe(seederPort);
      expect(peersOf(t).find((p) => !p.seeder)!.ip).toBe('127.0.0.1');
      await waitFor(() => leecher.exited, `${client(leecher)} to finish`, 60_000);
      expect(leecher.proc!.get_exit_status()).withContext(leecher.tail()).toBe(0);
      const want = GLib.file_get_contents(`${t.dataDir}/${t.name}`)[1];
      const got = GLib.file_get_contents(`${dl}/${t.name}`)[1];
      expect(got.length).toBe(want.length);
      expect(GLib.compute_checksum_for_data(GLib.ChecksumType.SHA256, got)).toBe(
        GLib.compute_checksum_for_data(GLib.ChecksumType.SHA256, want),
      );
      // aria2 said goodbye when it finished; the seeder is still there until it stops too.
      await waitFor(() => peersOf(t).length === 1, 'the downloader’s stopped', 10_000);
      await seeder.stop();
      await waitFor(() => peersOf(t).length === 0, 'the seeder’s stopped', 20_000);
      await delay(10);
    },
    CLIENT_TIMEOUT_MS,
  );
});
