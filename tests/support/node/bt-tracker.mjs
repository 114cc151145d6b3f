// The npm bittorrent-tracker server on loopback for the IPv6 specs (Debian's opentracker is
// IPv4-only): HTTP on [::1] and 127.0.0.1, UDP on both, one swarm per info hash. Every announce
// it handles is appended to LOG as one JSON line (event, the address it came from, the hash).
// The `/server` entry point never loads the optional WebRTC module (reference/protocol.md B3).
// Usage: node bt-tracker.mjs PORT LOG
import { appendFileSync } from 'node:fs';
import http from 'node:http';

import Server from 'bittorrent-tracker/server';

const port = Number(process.argv[2]);
const logFile = process.argv[3];
const write = (record) => appendFileSync(logFile, JSON.stringify(record) + '\n');

const server = new Server({ http: true, udp: true, ws: false, stats: false, interval: 600000 });
for (const event of ['start', 'update', 'complete', 'stop'])
  server.on(event, (addr, params) =>
    write({ event, addr, type: params.type, infoHash: params.info_hash, peerId: params.peer_id, port: params.port }),
  );
server.on('warning', (e) => write({ warning: e.message }));
// A port someone else holds: exit, so the spec tries another.
server.on('error', () => process.exit(1));

const v4 = http.createServer((req, res) => server.onHttpRequest(req, res));
v4.on('error', () => process.exit(1));
server.listen(port, { http: '::1', udp: '127.0.0.1', udp6: '::1' }, () => v4.listen(port, '127.0.0.1'));
process.on('SIGTERM', () => {
  v4.close();
  server.close(() => process.exit(0));
});
