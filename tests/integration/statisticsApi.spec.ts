import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { delay } from '../support/async.ts';
import { closedPort } from '../support/ports.ts';
import { appArgv } from '../support/process.ts';
import { RemoteApp, RemoteClient } from '../support/remoteApp.ts';
import { makeTempDir, removeTree, writeFile } from '../support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { APP_BUS_NAME, APP_PATH, AppProcess, busCall } from './dbusAppProcess.ts';

/** A torrent the history knows (it was seeded and removed) but the library does not. */
const GONE_HASH = 'ab'.repeat(20);
const UNKNOWN_HASH = 'cd'.repeat(20);
const HOST = 'tracker.example.org';

/** Noon, local time, `days` days ago (the app and the spec share the time zone). */
function noonDaysAgo(days: number): GLib.DateTime {
  const now = GLib.DateTime.new_now_local();
  return GLib.DateTime.new_local(now.get_year(), now.get_month(), now.get_day_of_month(), 12, 0, 0).add_days(-days)!;
}

/**
 * A saved history with known figures, as the app's journal holds it (one line per closed
 * bucket): three days ago and forty days ago, for the total, a tracker and a removed torrent.
 */
function seedHistory(dataHome: string): void {
  const d3 = noonDaysAgo(3).to_unix();
  const d40 = noonDaysAgo(40).to_unix();
  const lines = [
    ['meta', GONE_HASH, 'seeded-and-removed.iso', 734003200],
    ['all', d40, 7_000_000, 0, 2, 0],
    [`h:${HOST}`, d40, 7_000_000, 0, 2, 0],
    ['all', d3, 5_000_000, 1000, 4, 1],
    [`h:${HOST}`, d3, 5_000_000, 1000, 4, 1],
    [`t:${GONE_HASH}`, d3, 5_000_000, 1000, 4, 1],
  ];
  writeFile(`${dataHome}/dfakeseeder/history/journal-1.log`, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** What both D-Bus and the remote API must say about the seeded history. */
function expectSeededSummary(summary: Json): void {
  expect(summary.history_loaded).toBeTrue();
  const tracker = summary.trackers.find((t: Json) => t.host === HOST);
  expect(tracker).withContext(JSON.stringify(summary.trackers)).toBeDefined();
  expect(tracker.all_time).toEqual({ uploaded: 12_000_000, downloaded: 1000, announces_ok: 6, announces_failed: 1 });
  expect(tracker.today).toEqual({ uploaded: 0, downloaded: 0, announces_ok: 0, announces_failed: 0 });
  expect(summary.all_time.uploaded).toBeGreaterThanOrEqual(12_000_000);
  expect(summary.this_month.uploaded).toBeLessThanOrEqual(summary.all_time.uploaded);
  expect(summary.today.uploaded).toBeLessThanOrEqual(summary.this_week.uploaded);
  expect(summary.health.rss_bytes).toBeGreaterThan(1_000_000);
  expect(summary.health.open_files).toBeGreaterThan(2);
  expect(summary.health.cpu_percent).toBeGreaterThanOrEqual(0);
}

function expectSeededDays(daily: Json): void {
  expect(daily.days.length).toBe(7);
  expect(daily.days[6].local).toBe(GLib.DateTime.new_now_local().format('%Y-%m-%d'));
  const d3 = daily.days.find((d: Json) => d.local === noonDaysAgo(3).format('%Y-%m-%d'));
  expect(d3).toEqual(jasmine.objectContaining({ uploaded: 5_000_000, downloaded: 1000, announces_failed: 1 }));
}

function expectSeededTorrent(history: Json): void {
  expect(history.info_hash).toBe(GONE_HASH);
  expect(history.name).toBe('seeded-and-removed.iso');
  expect(history.size).toBe(734003200);
  expect(history.all_time).toEqual({ uploaded: 5_000_000, downloaded: 1000, announces_ok: 4, announces_failed: 1 });
  expect(history.hours.length).toBe(24);
  expect(history.days.length).toBe(31);
  const d3 = history.days.find((d: Json) => d.local === noonDaysAgo(3).format('%Y-%m-%d'));
  expect(d3.uploaded).toBe(5_000_000);
}

describe('statistics over D-Bus: ie.fio.dfakeseeder.Statistics (integration, dbus-run-session)', () => {
  let home: string;
  let app: AppProcess;
  const call = (method: string, params: GLib.Variant | null = null) =>
    busCall(APP_BUS_NAME, APP_PATH, 'ie.fio.dfakeseeder.Statistics', method, params);
  const json = async (method: string, params: GLib.Variant | null = null): Promise<Json> =>
    JSON.parse(((await call(method, params)) as [string])[0]);

  beforeAll(async () => {
    home = makeTempDir('dfs-stats-dbus');
    seedHistory(`${home}/data`);
    app = new AppProcess(appArgv('--headless'), {
      XDG_CONFIG_HOME: `${home}/config`,
      XDG_DATA_HOME: `${home}/data`,
      G_MESSAGES_DEBUG: 'dfakeseeder',
    });
    await app.waitForBus();
  }, 30000);

  afterAll(async () => {
    await app.stop();
    removeTree(home);
  });

  it('GetStatistics gives the totals, the per-tracker breakdown and the app’s health', async () => {
    let summary: Json;
    // The saved history is read in the background at start: wait until it is in.
    const deadline = GLib.get_monotonic_time() + 15e6;
    for (;;) {
      summary = await json('GetStatistics');
      if (summary.history_loaded || GLib.get_monotonic_time() > deadline) break;
      await delay(100);
    }
    expectSeededSummary(summary);
  });

  it('GetDailyFigures gives one entry per local day, today last; refuses 0 days in words', async () => {
    expectSeededDays(await json('GetDailyFigures', new GLib.Variant('(u)', [7])));
    const error = await call('GetDailyFigures', new GLib.Variant('(u)', [0])).catch((e: GLib.Error) => e);
    expect(error).toBeInstanceOf(GLib.Error);
    expect(Gio.DBusError.get_remote_error(error as GLib.Error)).toBe('org.freedesktop.DBus.Error.InvalidArgs');
    expect((error as GLib.Error).message).toContain('1 to 1096 days');
  });

  it('GetTorrentHistory gives a removed torrent’s history, and an error for a hash nobody knows', async () => {
    expectSeededTorrent(await json('GetTorrentHistory', new GLib.Variant('(s)', [GONE_HASH.toUpperCase()])));
    const error = await call('GetTorrentHistory', new GLib.Variant('(s)', [UNKNOWN_HASH])).catch((e: GLib.Error) => e);
    expect(Gio.DBusError.get_remote_error(error as GLib.Error)).toBe('org.freedesktop.DBus.Error.InvalidArgs');
    expect((error as GLib.Error).message).toContain(UNKNOWN_HASH);
  });

  it('GetHealth gives the latest sample', async () => {
    const health = await json('GetHealth');
    expect(health.latest.rss_bytes).toBeGreaterThan(1_000_000);
    expect(health.recent.length).toBeGreaterThan(0);
  });
});

describe('statistics and the built-in tracker in the remote API (integration: headless app over HTTP)', () => {
  let savedTimeout = 0;
  let home: string;
  let app: RemoteApp;
  let client: RemoteClient;
  const trackerPort = closedPort();
  let ownHash = '';

  beforeAll(async () => {
    savedTimeout = jasmine.DEFAULT_TIMEOUT_INTERVAL;
    jasmine.DEFAULT_TIMEOUT_INTERVAL = 60000;
    home = makeTempDir('dfs-stats-remote');
    seedHistory(`${home}/data`);
    app = new RemoteApp(home);
    // A library torrent announcing to the app's own built-in tracker: live figures on both sides.
    const own = makeTorrent({ name: 'self-tracked.iso', announce: `http://127.0.0.1:${trackerPort}/announce` });
    ownHash = fixtureInfoHashHex(own);
    writeFile(`${home}/config/dfakeseeder/torrents/self-tracked.torrent`, own);
    await app.setPassword();
    app.configure({
      tickspeed: 1,
      tracker_settings: { enabled: true, http_enabled: true, udp_enabled: false, http_port: trackerPort },
    });
    await app.start();
    client = new RemoteClient(app.base);
    expect((await client.login()).status).toBe(200);
  }, 90000);

  afterAll(async () => {
    jasmine.DEFAULT_TIMEOUT_INTERVAL = savedTimeout;
    if (app) expect(await app.stop()).toBe(0);
    removeTree(home);
  });

  async function get(path: string): Promise<Json> {
    const r = await client.request('GET', path);
    expect(r.status).withContext(`${path}: ${r.text}`).toBe(200);
    return r.json;
  }

  it('GET /statistics: the seeded totals and trackers, and the live announces to the built-in tracker', async () => {
    let summary: Json;
    const deadline = GLib.get_monotonic_time() + 30e6;
    for (;;) {
      summary = await get('/api/v1/statistics');
      const live = summary.trackers.find((t: Json) => t.host === '127.0.0.1');
      if ((summary.history_loaded && live?.today.announces_ok >= 1) || GLib.get_monotonic_time() > deadline) break;
      await delay(200);
    }
    expectSeededSummary(summary);
    const live = summary.trackers.find((t: Json) => t.host === '127.0.0.1');
    expect(live).withContext(JSON.stringify(summary.trackers)).toBeDefined();
    expect(live.today.announces_ok).toBeGreaterThanOrEqual(1);
    expect(summary.today.announces_ok).toBeGreaterThanOrEqual(live.today.announces_ok);
  });

  it('GET /statistics/daily and /statistics/torrents/{hash}; bad input gets 400 or 404 in words', async () => {
    expectSeededDays(await get('/api/v1/statistics/daily?days=7'));
    expect((await get('/api/v1/statistics/daily')).days.length).toBe(30);
    expectSeededTorrent(await get(`/api/v1/statistics/torrents/${GONE_HASH}`));
    // A library torrent is known even before it has a figure of its own.
    const own = await get(`/api/v1/statistics/torrents/${ownHash}`);
    expect(own.info_hash).toBe(ownHash);
    for (const days of ['0', '1097', '2.5', 'x']) {
      const r = await client.request('GET', `/api/v1/statistics/daily?days=${days}`);
      expect(r.status).withContext(days).toBe(400);
      expect(r.json.error.message).toContain('days');
    }
    const unknown = await client.request('GET', `/api/v1/statistics/torrents/${UNKNOWN_HASH}`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toContain('info hash');
    expect((await client.request('POST', '/api/v1/statistics')).status).toBe(405);
  });

  it('GET /statistics/health gives the latest sample', async () => {
    const health = await get('/api/v1/statistics/health');
    expect(health.latest.rss_bytes).toBeGreaterThan(1_000_000);
    expect(health.latest.open_files).toBeGreaterThan(2);
  });

  it('GET /tracker-server: listening, its URLs, counters and the swarm the app seeds itself', async () => {
    let tracker: Json;
    const deadline = GLib.get_monotonic_time() + 30e6;
    for (;;) {
      tracker = await get('/api/v1/tracker-server');
      if (tracker.swarms.some((s: Json) => s.info_hash === ownHash) || GLib.get_monotonic_time() > deadline) break;
      await delay(200);
    }
    expect(tracker.running).toBeTrue();
    expect(tracker.error).toBe('');
    expect(tracker.announce_urls).toContain(`http://127.0.0.1:${trackerPort}/announce`);
    expect(tracker.announces).toBeGreaterThanOrEqual(1);
    expect(tracker.announces_per_second.length).toBe(300);
    const swarm = tracker.swarms.find((s: Json) => s.info_hash === ownHash);
    expect(swarm).toEqual(jasmine.objectContaining({ name: 'self-tracked.iso', seeders: 1, leechers: 0 }));
  });

  it('applies a seeding profile to a torrent through POST /actions/apply-profile', async () => {
    const r = await client.request('POST', '/api/v1/actions/apply-profile', {
      json: { parameter: ['conservative', [ownHash]] },
    });
    expect(r.status).withContext(r.text).toBe(200);
    const options = (await get(`/api/v1/torrents/${ownHash}`)).options;
    expect(options).toEqual(
      jasmine.objectContaining({ upload_speed: 20, upload_limit: 40, announce_floor: 3600, stop_ratio: 1 }),
    );
    const unknown = await client.request('POST', '/api/v1/actions/apply-profile', {
      json: { parameter: ['conservative', [UNKNOWN_HASH]] },
    });
    expect(unknown.status).toBe(404);
    const badName = await client.request('POST', '/api/v1/actions/apply-profile', {
      json: { parameter: ['reckless', [ownHash]] },
    });
    expect(badName.status).toBe(400);
    expect(badName.json.error.message).toContain('reckless');
  });

  it('needs a login like every other call', async () => {
    const anonymous = new RemoteClient(app.base);
    for (const path of ['/api/v1/statistics', '/api/v1/statistics/daily', '/api/v1/tracker-server'])
      expect((await anonymous.request('GET', path)).status)
        .withContext(path)
        .toBe(401);
  });
});
