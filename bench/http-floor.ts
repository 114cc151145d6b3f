// The floor under the quit sequence's farewell burst: what GJS itself costs to send N HTTP
// GETs to a local opentracker and read the replies, with nothing of the app around it (no
// promises, no parsing, no model). Each request is a non-blocking Gio.Socket: new, connect,
// send, then one sweep reads every reply already in and fd watches wait for the rest. Prints
// the per-step cost of the GI calls and the total. Run through bench/http-floor.sh.
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import { programArgs, version } from 'system';

import '../src/lib/promisify.ts';
import { OpenTracker } from '../tests/support/opentracker.ts';
import { fixtureInfoHashHex, makeTorrent } from '../tests/support/torrents.ts';
import { runMain } from './runMain.ts';

const n = Number(programArgs[0] ?? 1000);
const rounds = Number(programArgs[1] ?? 3);
const READABLE = GLib.IOCondition.IN | GLib.IOCondition.HUP | GLib.IOCondition.ERR;

function escape(hex: string): string {
  return hex.replace(/../g, (h) => `%${h}`);
}

function burst(address: Gio.InetSocketAddress, heads: Uint8Array[]): Promise<Record<string, number>> {
  return new Promise((resolve) => {
    const cost = { create: 0, connect: 0, send: 0, read: 0, close: 0 };
    const t0 = GLib.get_monotonic_time();
    let left = heads.length;
    const done = (): void => resolve({ ...cost, total: GLib.get_monotonic_time() - t0 });
    const read = (s: Gio.Socket): void => {
      let t = GLib.get_monotonic_time();
      Gio.UnixInputStream.new(s.get_fd(), false).read_bytes(65536, null);
      cost.read += GLib.get_monotonic_time() - t;
      t = GLib.get_monotonic_time();
      s.close();
      cost.close += GLib.get_monotonic_time() - t;
      if (--left === 0) done();
    };
    const sockets: Gio.Socket[] = [];
    for (const head of heads) {
      let t = GLib.get_monotonic_time();
      const s = Gio.Socket.new(Gio.SocketFamily.IPV4, Gio.SocketType.STREAM, Gio.SocketProtocol.TCP);
      s.set_blocking(false);
      cost.create += GLib.get_monotonic_time() - t;
      t = GLib.get_monotonic_time();
      try {
        s.connect(address, null);
      } catch {
        // PENDING: loopback finishes the handshake by the time send() runs
      }
      cost.connect += GLib.get_monotonic_time() - t;
      t = GLib.get_monotonic_time();
      s.send(head, null);
      cost.send += GLib.get_monotonic_time() - t;
      sockets.push(s);
    }
    GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
      for (const s of sockets) {
        if (s.condition_check(READABLE) !== (0 as GLib.IOCondition)) read(s);
        else
          GLib.unix_fd_add_full(GLib.PRIORITY_DEFAULT, s.get_fd(), READABLE, () => {
            read(s);
            return GLib.SOURCE_REMOVE;
          });
      }
      return GLib.SOURCE_REMOVE;
    });
  });
}

async function main(): Promise<void> {
  const hashes = Array.from({ length: n }, (_, i) => fixtureInfoHashHex(makeTorrent({ name: `floor-${i}.bin` })));
  const tracker = new OpenTracker();
  await tracker.start(hashes);
  try {
    const address = new Gio.InetSocketAddress({
      address: Gio.InetAddress.new_from_string('127.0.0.1')!,
      port: tracker.port,
    });
    const encoder = new TextEncoder();
    const heads = (event: string) =>
      hashes.map((h) =>
        encoder.encode(
          `GET /announce?info_hash=${escape(h)}&peer_id=-qB4650-floorfloor01&port=6881&uploaded=0&downloaded=0` +
            `&left=0&event=${event}&numwant=0&compact=1 HTTP/1.1\r\nHost: 127.0.0.1:${tracker.port}\r\n` +
            `User-Agent: qBittorrent/4.6.5\r\nConnection: close\r\n\r\n`,
        ),
      );
    print(`GJS ${version}: ${n} HTTP GETs to opentracker on 127.0.0.1, ms per burst`);
    print('round  create  connect  send   read  close  total');
    for (let r = 1; r <= rounds; r++) {
      await burst(address, heads('started'));
      const c = await burst(address, heads('stopped'));
      const f = (us: number, w: number) => (us / 1000).toFixed(0).padStart(w);
      print(
        `${String(r).padStart(5)}  ${f(c.create, 6)}  ${f(c.connect, 7)}  ${f(c.send, 4)}  ${f(c.read, 5)}  ${f(c.close, 5)}  ${f(c.total, 5)}`,
      );
    }
  } finally {
    await tracker.stop();
  }
}

runMain(main);
