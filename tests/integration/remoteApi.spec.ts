import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { delay, waitFor } from '../support/async.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { RemoteApp, RemoteClient } from '../support/remoteApp.ts';
import { makeTempDir, removeTree, writeFile } from '../support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';

/** One raw HTTP/1.1 request over a plain socket (to send a Host header a client library would fix). */
async function rawRequest(port: number, head: string): Promise<string> {
  const client = new Gio.SocketClient();
  const conn = (await client.connect_to_host_async(`127.0.0.1:${port}`, port, null)) as unknown as Gio.SocketConnection;
  await conn.get_output_stream().write_all_async(new TextEncoder().encode(head), GLib.PRIORITY_DEFAULT, null);
  const chunks: Uint8Array[] = [];
  for (;;) {
    const b = (await conn
      .get_input_stream()
      .read_bytes_async(65536, GLib.PRIORITY_DEFAULT, null)) as unknown as GLib.Bytes;
    if (b.get_size() === 0) break;
    chunks.push(b.toArray());
    if (new TextDecoder().decode(chunks[chunks.length - 1]).includes('}')) break;
  }
  conn.close(null);
  return chunks.map((c) => new TextDecoder().decode(c)).join('');
}

describe('remote access JSON API (integration: the headless app over real HTTP on 127.0.0.1, real opentracker)', () => {
  // Each login runs a deliberately slow hash; on a loaded machine a spec needs more than 5 s.
  let savedTimeout = 0;
  beforeAll(() => {
    savedTimeout = jasmine.DEFAULT_TIMEOUT_INTERVAL;
    jasmine.DEFAULT_TIMEOUT_INTERVAL = 60000;
  });
  afterAll(() => {
    jasmine.DEFAULT_TIMEOUT_INTERVAL = savedTimeout;
  });
  if (!OpenTracker.isAvailable()) {
    it('needs opentracker', () => pending('opentracker is not installed'));
    return;
  }
  let home: string;
  let tracker: OpenTracker;
  let app: RemoteApp;
  let client: RemoteClient;
  const torrents = [0, 1, 2].map((i) => makeTorrent({ name: `remote-${i}.iso`, length: 1048576 * (i + 1) }));
  const hashes = torrents.map(fixtureInfoHashHex);
  let upload: Uint8Array;
  let uploadHash: string;

  beforeAll(async () => {
    home = makeTempDir('dfs-remote-api');
    tracker = new OpenTracker();
    await tracker.start(hashes);
    const withTracker = [0, 1, 2].map((i) =>
      makeTorrent({ name: `remote-${i}.iso`, length: 1048576 * (i + 1), announce: tracker.announceUrl }),
    );
    hashes.splice(0, 3, ...withTracker.map(fixtureInfoHashHex));
    upload = makeTorrent({ name: 'uploaded.iso', announce: tracker.announceUrl, files: undefined });
    uploadHash = fixtureInfoHashHex(upload);
    await tracker.allow([...hashes, uploadHash]);
    app = new RemoteApp(home);
    withTracker.forEach((bytes, i) => writeFile(`${home}/config/dfakeseeder/torrents/remote-${i}.torrent`, bytes));
    await app.setPassword();
    app.configure({ tickspeed: 1 });
    await app.start();
    client = new RemoteClient(app.base);
    await waitFor(() => app.lines.filter((l) => /announced to/.test(l)).length >= 3, 'the first announces', 30000);
  }, 90000);

  afterAll(async () => {
    if (app) expect(await app.stop()).toBe(0);
    await tracker?.stop();
    removeTree(home);
  });

  it('serves the page with a strict Content-Security-Policy and no CORS, and no data without a login', async () => {
    const page = await client.request('GET', '/', { headers: { Origin: 'http://evil.example' } });
    // The Origin check refuses even the page to another site; from the same origin it is served.
    expect(page.status).toBe(403);
    const same = await client.request('GET', '/');
    expect(same.status).toBe(200);
    expect(same.text).toContain('<div id="app">');
    expect(same.headers.get_one('Content-Security-Policy')).toContain("default-src 'none'");
    expect(same.headers.get_one('Content-Security-Policy')).toContain("script-src 'self'");
    expect(same.headers.get_one('X-Frame-Options')).toBe('DENY');
    expect(same.headers.get_one('Access-Control-Allow-Origin')).toBeNull();
    const js = await client.request('GET', '/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get_one('Content-Type')).toContain('javascript');
    const none = await client.request('GET', '/api/v1/torrents');
    expect(none.status).toBe(401);
    expect(none.json.error.message).toBe('Please log in first.');
    expect((await client.request('GET', '/nothing-here')).status).toBe(404);
  });

  it('refuses a wrong password (401) and logs in with the right one: HttpOnly, SameSite=Strict cookie and a CSRF token', async () => {
    const wrong = await new RemoteClient(app.base).login('not the password');
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.message).toBe('That password is not right.');
    expect((await new RemoteClient(app.base).request('POST', '/api/v1/login', { json: { pw: 1 } })).status).toBe(400);
    const ok = await client.login();
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get_one('Set-Cookie')!;
    expect(cookie).toMatch(/^dfs_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(client.csrf.length).toBeGreaterThan(40);
    const session = await client.request('GET', '/api/v1/session');
    expect(session.json.csrf).toBe(client.csrf);
  });

  it('refuses another Host name (DNS rebinding) and a cross-site Origin with 403', async () => {
    const rebind = await rawRequest(
      app.port,
      `GET /api/v1/stats HTTP/1.1\r\nHost: attacker.example:${app.port}\r\nCookie: ${client.cookie}\r\nConnection: close\r\n\r\n`,
    );
    expect(rebind).toMatch(/^HTTP\/1\.1 403/);
    expect(rebind).toContain('host_not_allowed');
    const local = await rawRequest(
      app.port,
      `GET /api/v1/stats HTTP/1.1\r\nHost: localhost:${app.port}\r\nCookie: ${client.cookie}\r\nConnection: close\r\n\r\n`,
    );
    expect(local).toMatch(/^HTTP\/1\.1 200/);
    const cross = await client.request('POST', `/api/v1/torrents/${hashes[0]}/announce`, {
      headers: { Origin: 'http://attacker.example' },
    });
    expect(cross.status).toBe(403);
    expect(cross.json.error.code).toBe('cross_origin');
    const site = await client.request('POST', `/api/v1/torrents/${hashes[0]}/announce`, {
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(site.status).toBe(403);
  });

  it('refuses a change without the CSRF token (403) and takes it with the token', async () => {
    const without = await client.request('PATCH', '/api/v1/settings', { json: { upload_speed: 60 }, noCsrf: true });
    expect(without.status).toBe(403);
    expect(without.json.error.code).toBe('bad_csrf');
    const wrong = await client.request('PATCH', '/api/v1/settings', {
      json: { upload_speed: 60 },
      noCsrf: true,
      headers: { 'X-CSRF-Token': 'x'.repeat(43) },
    });
    expect(wrong.status).toBe(403);
    expect((await client.request('GET', '/api/v1/settings')).json.upload_speed).toBe(50);
    const right = await client.request('PATCH', '/api/v1/settings', { json: { upload_speed: 60 } });
    expect(right.status).toBe(200);
    expect(right.json.upload_speed).toBe(60);
  });

  it('lists torrents with state filter, search, sort and paging; 400 names the bad parameter', async () => {
    const all = await client.request('GET', '/api/v1/torrents');
    expect(all.json.total).toBe(3);
    expect(all.json.torrents.map((t: { hash: string }) => t.hash).sort()).toEqual([...hashes].sort());
    const found = await client.request('GET', '/api/v1/torrents?search=remote-1');
    expect(found.json.torrents.map((t: { name: string }) => t.name)).toEqual(['remote-1.iso']);
    const bySize = await client.request('GET', '/api/v1/torrents?sort=size&order=desc&limit=2&offset=0');
    expect(bySize.json.torrents.map((t: { size: number }) => t.size)).toEqual([3145728, 2097152]);
    expect(bySize.json.total).toBe(3);
    const page2 = await client.request('GET', '/api/v1/torrents?sort=size&order=desc&limit=2&offset=2');
    expect(page2.json.torrents.map((t: { size: number }) => t.size)).toEqual([1048576]);
    expect((await client.request('GET', '/api/v1/torrents?state=seeding')).json.total).toBe(3);
    expect((await client.request('GET', '/api/v1/torrents?state=paused')).json.total).toBe(0);
    const bad = await client.request('GET', '/api/v1/torrents?sort=colour');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('“sort” must be one of');
    expect((await client.request('GET', '/api/v1/torrents?limit=0')).status).toBe(400);
    expect((await client.request('GET', '/api/v1/torrents?state=sleeping')).status).toBe(400);
  });

  it('gives one torrent with its trackers, files and log; 404 for an unknown info hash', async () => {
    const one = await client.request('GET', `/api/v1/torrents/${hashes[1]}`);
    expect(one.status).toBe(200);
    expect(one.json.name).toBe('remote-1.iso');
    expect(one.json.trackers[0].url).toBe(tracker.announceUrl);
    expect(one.json.files).toEqual([{ path: 'remote-1.iso', length: 2097152 }]);
    expect(one.json.log.some((l: { message: string }) => l.message.length > 0)).toBeTrue();
    const unknown = await client.request('GET', `/api/v1/torrents/${'ab'.repeat(20)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toContain('There is no torrent with the info hash');
    expect((await client.request('GET', '/api/v1/torrents/not-a-hash')).status).toBe(404);
  });

  it('adds an uploaded .torrent (201); the same again is 409, a broken file 400 with nothing else changed, an oversized one 413', async () => {
    const broken = await client.request('POST', '/api/v1/torrents?name=broken.torrent', {
      bytes: new TextEncoder().encode('d4:infod4:name3:abcee'),
    });
    expect(broken.status).toBe(400);
    expect(broken.json.error.message).toMatch(/^This is not a \.torrent file the app can read: /);
    expect((await client.request('GET', '/api/v1/torrents')).json.total).toBe(3);
    const added = await client.request('POST', '/api/v1/torrents?name=uploaded.torrent', { bytes: upload });
    expect(added.status).toBe(201);
    expect(added.json.hash).toBe(uploadHash);
    expect(added.json.name).toBe('uploaded.iso');
    expect((await client.request('GET', '/api/v1/torrents')).json.total).toBe(4);
    await waitFor(() => app.lines.some((l) => /uploaded\.iso: announced to/.test(l)), 'the upload to announce', 20000);
    expect((await tracker.scrape(uploadHash)).complete).toBe(1);
    const again = await client.request('POST', '/api/v1/torrents?name=again.torrent', { bytes: upload });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe('“uploaded.iso” is already in your list.');
    const huge = await client.request('POST', '/api/v1/torrents?name=huge.torrent', {
      bytes: new Uint8Array(11 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    expect(huge.json.error.message).toContain('too large');
    expect((await client.request('GET', '/api/v1/torrents')).json.total).toBe(4);
    // A body without a length (chunked) is refused before it is read.
    const chunked = await rawRequest(
      app.port,
      `POST /api/v1/torrents?name=x.torrent HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nCookie: ${client.cookie}\r\n` +
        `X-CSRF-Token: ${client.csrf}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n`,
    );
    expect(chunked).toMatch(/^HTTP\/1\.1 411/);
    expect((await client.request('PUT', '/api/v1/stats')).status).toBe(405);
  });

  it('pauses, resumes, announces and removes a torrent through the app’s action group', async () => {
    const paused = await client.request('POST', `/api/v1/torrents/${hashes[2]}/pause`);
    expect(paused.status).toBe(200);
    let row = (await client.request('GET', `/api/v1/torrents/${hashes[2]}`)).json;
    expect(row.active).toBeFalse();
    // The pause sent `stopped`: the tracker no longer lists us.
    for (let i = 0; i < 100 && (await tracker.scrape(hashes[2])).complete !== 0; i++) await delay(100);
    expect((await tracker.scrape(hashes[2])).complete).toBe(0);
    expect((await client.request('POST', `/api/v1/torrents/${hashes[2]}/resume`)).status).toBe(200);
    row = (await client.request('GET', `/api/v1/torrents/${hashes[2]}`)).json;
    expect(row.active).toBeTrue();
    const announced = await client.request('POST', `/api/v1/torrents/${hashes[2]}/announce`);
    expect(announced.status).toBe(200);
    expect((await client.request('POST', `/api/v1/torrents/${'cd'.repeat(20)}/pause`)).status).toBe(404);
    const removed = await client.request('DELETE', `/api/v1/torrents/${uploadHash}`);
    expect(removed.status).toBe(200);
    for (let i = 0; i < 100 && (await client.request('GET', `/api/v1/torrents/${uploadHash}`)).status !== 404; i++)
      await delay(100);
    const list = await client.request('GET', '/api/v1/torrents');
    expect(list.json.torrents.map((t: { hash: string }) => t.hash)).not.toContain(uploadHash);
    expect((await client.request('GET', `/api/v1/torrents/${uploadHash}`)).status).toBe(404);
  });

  it('sets per-torrent limits and options with PATCH; a bad value is 400 and changes nothing', async () => {
    const set = await client.request('PATCH', `/api/v1/torrents/${hashes[0]}`, {
      json: { upload_limit: 40, download_limit: 0, label: 'linux', threshold: 50 },
    });
    expect(set.status).toBe(200);
    expect(set.json.upload_limit).toBe(40);
    expect(set.json.label).toBe('linux');
    expect(set.json.options.threshold).toBe(50);
    const bad = await client.request('PATCH', `/api/v1/torrents/${hashes[0]}`, { json: { upload_limit: -5 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('upload_limit');
    const unknown = await client.request('PATCH', `/api/v1/torrents/${hashes[0]}`, { json: { colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect((await client.request('GET', `/api/v1/torrents/${hashes[0]}`)).json.upload_limit).toBe(40);
    const json = await client.request('PATCH', `/api/v1/torrents/${hashes[0]}`, {
      bytes: new TextEncoder().encode('{not json'),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(json.status).toBe(400);
    expect(json.json.error.message).toBe('The request body is not valid JSON.');
  });

  it('reads and changes the settings subset (speeds, alternative speeds, identity), all or nothing', async () => {
    const before = (await client.request('GET', '/api/v1/settings')).json;
    expect(Object.keys(before)).toContain('speed.enable_alternative_speeds');
    expect(before.agent).toBe('qbittorrent-5.2.3');
    const changed = await client.request('PATCH', '/api/v1/settings', {
      json: { 'speed.enable_alternative_speeds': true, 'speed.alt_upload_limit_kbps': 30 },
    });
    expect(changed.json['speed.enable_alternative_speeds']).toBeTrue();
    expect((await client.request('GET', '/api/v1/stats')).json.alternative_speeds).toBeTrue();
    const half = await client.request('PATCH', '/api/v1/settings', {
      json: { 'speed.alt_upload_limit_kbps': 70, 'speed.alt_download_limit_kbps': -1 },
    });
    expect(half.status).toBe(400);
    expect((await client.request('GET', '/api/v1/settings')).json['speed.alt_upload_limit_kbps']).toBe(30);
    const other = await client.request('PATCH', '/api/v1/settings', { json: { 'proxy.type': 'http' } });
    expect(other.status).toBe(400);
    expect(other.json.error.message).toContain('cannot be changed here');
    const identities = (await client.request('GET', '/api/v1/identities')).json as { value: string }[];
    expect(identities.length).toBeGreaterThan(3);
    const agent = await client.request('PATCH', '/api/v1/settings', { json: { agent: 'no-such-client' } });
    expect(agent.status).toBe(400);
    await client.request('PATCH', '/api/v1/settings', { json: { 'speed.enable_alternative_speeds': false } });
  });

  it('gives the global figures: rates, totals and counts', async () => {
    const stats = (await client.request('GET', '/api/v1/stats')).json;
    expect(stats.torrents).toBe(3);
    expect(stats.counts.all).toBe(3);
    expect(stats.total_uploaded).toBeGreaterThan(0);
    expect(typeof stats.upload_rate).toBe('number');
  });

  it('pushes changed figures over the event stream (Server-Sent Events)', async () => {
    const conn = await new Gio.SocketClient().connect_to_host_async(`127.0.0.1:${app.port}`, app.port, null);
    const c = conn as unknown as Gio.SocketConnection;
    const head = `GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nCookie: ${client.cookie}\r\nAccept: text/event-stream\r\n\r\n`;
    await c.get_output_stream().write_all_async(new TextEncoder().encode(head), GLib.PRIORITY_DEFAULT, null);
    let text = '';
    const read = async () => {
      const b = (await c
        .get_input_stream()
        .read_bytes_async(65536, GLib.PRIORITY_DEFAULT, null)) as unknown as GLib.Bytes;
      text += new TextDecoder().decode(b.toArray());
    };
    const deadline = GLib.get_monotonic_time() + 20e6;
    while (!/event: torrents\ndata: .*session_uploaded/.test(text) && GLib.get_monotonic_time() < deadline)
      await read();
    c.close(null);
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    expect(text).toContain('text/event-stream');
    const snapshot = JSON.parse(/event: snapshot\ndata: (.*)\n/.exec(text)![1]);
    expect(snapshot.torrents.length).toBe(3);
    const update = JSON.parse(/event: torrents\ndata: (.*)\n/.exec(text)![1]) as {
      hash: string;
      session_uploaded?: number;
    }[];
    const moved = update.find((u) => u.session_uploaded !== undefined)!;
    const first = snapshot.torrents.find((t: { hash: string }) => t.hash === moved.hash);
    expect(moved.session_uploaded!).toBeGreaterThan(first.session_uploaded);
    // Only the changed fields travel: no name, size or label in an update.
    expect(Object.keys(moved)).not.toContain('size');
  });

  it('answers a burst of 1000 requests while it keeps seeding', async () => {
    const before = (await client.request('GET', `/api/v1/torrents/${hashes[0]}`)).json.total_uploaded as number;
    const started = GLib.get_monotonic_time();
    const replies = await Promise.all(Array.from({ length: 1000 }, () => client.request('GET', '/api/v1/stats')));
    const seconds = (GLib.get_monotonic_time() - started) / 1e6;
    expect(replies.filter((r) => r.status === 200).length).toBe(1000);
    printerr(`remote burst: 1000 requests answered in ${seconds.toFixed(2)} s`);
    let after = before;
    for (let i = 0; i < 100 && after <= before; i++) {
      await delay(100);
      after = (await client.request('GET', `/api/v1/torrents/${hashes[0]}`)).json.total_uploaded;
    }
    expect(after).toBeGreaterThan(before);
    expect((await tracker.scrape(hashes[0])).complete).toBe(1);
  });

  it('logs out: the session cookie stops working', async () => {
    const out = await client.request('POST', '/api/v1/logout');
    expect(out.status).toBe(204);
    expect((await client.request('GET', '/api/v1/stats')).status).toBe(401);
  });
});
