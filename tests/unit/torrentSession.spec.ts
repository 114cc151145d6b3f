import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { parseMetainfo } from '../../src/model/metainfo/index.ts';
import { type LibraryEntry, Model } from '../../src/model/Model.ts';
import { SettingsStore } from '../../src/model/settings/index.ts';
import { SpeedHistory } from '../../src/model/session/SpeedHistory.ts';
import { LOG_LINES_KEPT } from '../../src/model/session/TorrentSession.ts';
import { SHARED_MESSAGES_MAX, sharedMessage, sharedMessageCount } from '../../src/model/session/sharedMessages.ts';
import type { TrackerHostCount } from '../../src/model/session/TrackerHostCount.ts';
import { trackerHealth } from '../../src/model/session/trackerHealth.ts';
import { seededRandom } from '../../src/model/simulation/random.ts';
import type { Torrent } from '../../src/model/torrent/Torrent.ts';
import type { Announcer } from '../../src/model/torrent/TorrentWorker.ts';
import type { TrackerInfo, TrackerState } from '../../src/model/tracker/types.ts';
import { delay } from '../support/async.ts';
import { makeTempDir, removeTree } from '../support/tempdir.ts';
import { makeTorrent } from '../support/torrents.ts';

/**
 * An announcer whose trackers the spec sets, as the real TorrentAnnouncer reports them: the
 * subject is the session's single status decision and what follows from it (the tracker
 * protocol itself is specced with real trackers in tests/integration).
 */
class ScriptedTrackers implements Announcer {
  startedAcknowledged = false;
  trackers: TrackerInfo[];
  minIntervalUntilUs = 0;
  forced = 0;
  readonly #changed: () => void;
  constructor(urls: string[], changed: () => void) {
    this.trackers = urls.map((url, tier) => info(url, tier, 'idle', 0, ''));
    this.#changed = changed;
  }
  set(states: [TrackerState, number, string][]): void {
    const now = Math.floor(GLib.get_real_time() / 1e6);
    this.trackers = this.trackers.map((t, i) => info(t.url, t.tier, states[i][0], states[i][1], states[i][2], now + i));
    this.#changed();
  }
  nextAnnounceAt = () => Infinity;
  earliestForcedAnnounce = () => this.minIntervalUntilUs;
  announceDue = async () => undefined;
  forceAnnounce = async () => {
    this.forced++;
  };
  stop = async () => 0;
}

function info(
  url: string,
  tier: number,
  state: TrackerState,
  failures: number,
  message: string,
  last = 0,
): TrackerInfo {
  return {
    url,
    tier,
    state,
    status: state,
    lastAnnounce: last || null,
    nextAnnounce: null,
    seeders: state === 'working' ? 3 : null,
    leechers: state === 'working' ? 5 : null,
    downloaded: null,
    countsAt: state === 'working' ? last || null : null,
    countsFrom: state === 'working' ? 'announce' : null,
    canScrape: true,
    lastScrape: null,
    nextScrape: null,
    scrapeMessage: '',
    message,
    peers: [],
    failures,
  };
}

const URLS = ['http://refused.example/announce', 'udp://unresolvable.example:1/announce'];

describe('TorrentSession', () => {
  let dir = '';
  let model: Model;
  let settings: SettingsStore;
  const announcers = new Map<string, ScriptedTrackers>();

  beforeEach(() => {
    dir = makeTempDir('dfs-session-spec');
    settings = SettingsStore.open(dir);
    model = newModel();
  });
  afterEach(() => {
    model.stopTimers();
    for (const w of model.workers()) w.cancel();
    settings.saveSync();
    removeTree(dir);
    announcers.clear();
  });

  function newModel(): Model {
    return new Model({
      settings,
      createAnnouncer: (metainfo, tiers, onChanged) => {
        const a = new ScriptedTrackers(tiers.flat(), onChanged);
        announcers.set(metainfo.name, a);
        return a;
      },
      random: seededRandom(7),
    });
  }

  function add(name: string, announce: string | null = URLS[0], announceList = [URLS]): Torrent {
    const bytes = makeTorrent({ name, length: 4 * 1048576, announce: announce ?? '', announceList });
    const e: LibraryEntry = { path: `${dir}/${name}.torrent`, metainfo: parseMetainfo(bytes) };
    return model.add(e);
  }

  /** Its trackers answer: until one has, a torrent has no peers and accrues nothing. */
  const answer = (name: string): void =>
    announcers.get(name)!.set([
      ['working', 0, ''],
      ['working', 0, ''],
    ]);

  const bothFail = (): [TrackerState, number, string][] => [
    ['error', 1, 'Connection refused'],
    ['error', 1, 'Could not resolve unresolvable.example'],
  ];

  it('decides every status in one place: seeding, paused, resumed, stopped by a condition, resumed', async () => {
    const t = add('seed');
    const seen: string[] = [t.status];
    t.connect('notify::status', () => seen.push(t.status));
    await model.pause([t]);
    model.resume([t]);
    // a stop condition (ratio 1 reached) stops it: 'stopped', not 'paused', here and after a restart
    settings.set('simulation.stop_at_ratio', 1);
    model.settingChanged('simulation.stop_at_ratio');
    t.total_uploaded = t.total_size;
    model.sessionOf(t)!.worker.tick();
    await delay(20);
    expect(t.status).toBe('stopped');
    expect(t.stop_reason).toBe('Ratio target 1.00 reached');
    await model.pause([t]); // pausing a stopped torrent keeps the reason
    expect(t.status).toBe('stopped');
    model.forceStart([t]);
    expect(seen).toEqual(['seeding', 'paused', 'seeding', 'stopped', 'seeding']);
    await model.pause([t]);
    model.sessionOf(t)!.worker.cancel();
    t.stop_reason = 'Seeded for 2 hours';
    model.syncState();
    const again = newModel();
    const t2 = again.add({ path: t.filepath, metainfo: model.sessionOf(t)!.entry.metainfo });
    expect([t2.status, t2.stop_reason]).toEqual(['stopped', 'Seeded for 2 hours']);
  });

  it('goes from downloading to seeding when the download completes (tick or Force Complete)', async () => {
    settings.set('simulation.new_torrents_complete', false);
    const a = add('a');
    const b = add('b');
    expect([a.status, b.status]).toEqual(['downloading', 'downloading']);
    model.forceComplete([a]);
    expect(a.status).toBe('seeding');
    b.download_speed = 1e6; // KB/s: done within a tick
    model.startAll();
    answer('b');
    await delay(300);
    model.sessionOf(b)!.worker.tick();
    expect(b.progress).toBe(1);
    expect(b.status).toBe('seeding');
  });

  it('is tracker-error while no tracker works, accrues nothing, and seeds again once one answers', async () => {
    const t = add('dead');
    const session = model.sessionOf(t)!;
    const trackers = announcers.get('dead')!;
    model.startAll();
    await delay(200);
    // the first round still in flight: not an error yet
    trackers.set([
      ['error', 1, 'Connection refused'],
      ['announcing', 0, ''],
    ]);
    expect(t.status).toBe('seeding');
    trackers.set(bothFail());
    expect(t.status).toBe('tracker-error');
    expect(t.tracker_message).toBe('Could not resolve unresolvable.example');
    expect(model.counts.byState()).toEqual({ all: 1, downloading: 0, seeding: 0, active: 0, paused: 0, error: 1 });
    const before = { up: t.total_uploaded, session: t.session_uploaded, ratio: t.ratio };
    await delay(300);
    session.worker.tick();
    expect({ up: t.total_uploaded, session: t.session_uploaded, ratio: t.ratio }).toEqual(before);
    expect(t.upload_rate).toBe(0);
    // a retry in flight keeps the error; an answer ends it
    trackers.set([
      ['announcing', 1, 'Connection refused'],
      ['error', 2, 'Could not resolve unresolvable.example'],
    ]);
    expect(t.status).toBe('tracker-error');
    trackers.set([
      ['working', 0, ''],
      ['error', 2, 'Could not resolve unresolvable.example'],
    ]);
    expect(t.status).toBe('seeding');
    await delay(300);
    session.worker.tick();
    expect(t.total_uploaded).toBeGreaterThan(before.up);
    expect(model.counts.byState().error).toBe(0);
    // paused while failing: paused; resumed: the error again until a tracker answers
    trackers.set(bothFail());
    await model.pause([t]);
    expect(t.status).toBe('paused');
    model.resume([t]);
    expect(t.status).toBe('tracker-error');
  });

  it('is tracker-error with no tracker at all, and leaves it when one is added', async () => {
    const t = add('none', null, []);
    expect([t.status, t.tracker_message]).toEqual(['tracker-error', 'No tracker: add one to announce']);
    expect(model.sessionOf(t)!.accrues).toBeFalse();
    await model.pause([t]);
    expect(t.status).toBe('paused');
    model.resume([t]);
    expect(t.status).toBe('tracker-error');
    await model.addTracker(t, 'udp://new.example:80/announce');
    expect([t.status, t.tracker_message]).toEqual(['seeding', '']);
  });

  it('keeps the counts by pushing: each change moves only the counts it touches', async () => {
    settings.set('simulation.new_torrents_complete', false);
    const a = add('a');
    const b = add('b', 'http://other.example/announce', [['http://other.example/announce']]);
    const notes: string[] = [];
    for (const p of ['all', 'downloading', 'seeding', 'active', 'paused', 'error'])
      model.counts.connect(`notify::${p}`, () => notes.push(`${p}=${model.counts.of(p as 'all')}`));
    model.forceComplete([a]);
    expect(notes.sort()).toEqual(['downloading=1', 'seeding=1']);
    notes.length = 0;
    await model.pause([b]);
    expect(notes.sort()).toEqual(['downloading=0', 'paused=1']);
    // The rates come from the engine's tick, once a tracker has answered (there are peers).
    model.startAll();
    await delay(300);
    notes.length = 0;
    answer('a');
    model.sessionOf(a)!.worker.tick();
    expect(a.upload_rate).toBeGreaterThan(0);
    expect(notes).toEqual(['active=1']);
    expect(model.counts.active).toBe(1);
    expect(model.counts.byHost()).toEqual([
      { host: 'other.example', count: 1 },
      { host: 'refused.example', count: 1 },
      { host: 'unresolvable.example', count: 1 },
    ]);
    const hostItem = model.counts.hosts.get_item(0) as TrackerHostCount;
    expect(hostItem.host).toBe('other.example');
    notes.length = 0;
    await model.remove([b]);
    expect(notes.sort()).toEqual(['all=1', 'paused=0']);
    expect(model.counts.hosts.get_n_items()).toBe(2);
  });

  it('says when Update Tracker will go while a tracker’s min interval holds it back', async () => {
    const t = add('forced');
    const trackers = announcers.get('forced')!;
    expect(model.forceAnnounce([t]).goesAt).toBeNull(); // not running
    model.startAll();
    await delay(100);
    const now = Math.floor(GLib.get_real_time() / 1e6);
    const first = model.forceAnnounce([t]);
    await first.done;
    expect(first.goesAt! - now).toBeLessThanOrEqual(1);
    trackers.minIntervalUntilUs = GLib.get_monotonic_time() + 120e6;
    const held = model.forceAnnounce([t]);
    await held.done;
    expect(held.goesAt! - now).toBeGreaterThanOrEqual(119);
    expect(held.goesAt! - now).toBeLessThanOrEqual(122);
    expect(trackers.forced).toBe(2);
  });

  it('keeps this session’s figures across pause and resume, and chooses the ratio target once', async () => {
    settings.set('simulation.stop_ratio_random', true);
    settings.set('simulation.stop_ratio_min', 50);
    settings.set('simulation.stop_ratio_max', 60);
    const t = add('figures');
    model.startAll();
    await delay(300);
    const session = model.sessionOf(t)!;
    session.worker.tick();
    expect(t.session_uploaded).toBe(0); // no tracker has answered yet
    answer('figures');
    session.worker.tick();
    const target = session.ratioTarget!;
    expect(target).toBeGreaterThanOrEqual(50);
    expect(target).toBeLessThanOrEqual(60);
    const uploaded = t.session_uploaded;
    expect(uploaded).toBeGreaterThan(0);
    await model.pause([t]);
    model.resume([t]);
    expect(t.session_uploaded).toBe(uploaded);
    expect(session.worker.announcedBytes.uploaded).toBe(0);
    session.worker.tick();
    expect(session.ratioTarget).toBe(target);
    expect(session.state.ratio_target).toBe(target);
  });

  it('keeps a bounded log per torrent, newest last', () => {
    const t = add('chatty');
    const session = model.sessionOf(t)!;
    for (let i = 0; i < LOG_LINES_KEPT + 30; i++) session.appendLog('info', `line ${i}`);
    const lines = session.log.map((l) => l.message);
    expect(lines.length).toBe(LOG_LINES_KEPT);
    expect(lines.at(-1)).toBe(`line ${LOG_LINES_KEPT + 29}`);
    expect(lines[0]).toBe('line 30');
  });

  it('torrents logging the same words keep one shared copy, from a bounded table', () => {
    const a = model.sessionOf(add('shared-a'))!;
    const b = model.sessionOf(add('shared-b'))!;
    const words = ['announced to http://t.example/announce:', '12 seeders'];
    a.appendLog('info', words.join(' '));
    b.appendLog('info', [...words].join(' '));
    expect(a.log.at(-1)!.message).toBe('announced to http://t.example/announce: 12 seeders');
    expect(b.log.at(-1)!.message).toBe(a.log.at(-1)!.message);
    expect(sharedMessage(`announced to ${'http://t.example/announce'}: 12 seeders`)).toBe(a.log.at(-1)!.message);
    for (let i = 0; i < SHARED_MESSAGES_MAX + 10; i++) sharedMessage(`distinct ${i}`);
    expect(sharedMessageCount()).toBeLessThanOrEqual(SHARED_MESSAGES_MAX);
    expect(sharedMessageCount()).toBeGreaterThan(0);
    // Lines already logged keep their words when the table starts again.
    expect(a.log.at(-1)!.message).toBe('announced to http://t.example/announce: 12 seeders');
  });

  it('records a speed history for every torrent, one sample per tick, bounded to five minutes', async () => {
    const t = add('history');
    model.startAll();
    await delay(300);
    const session = model.sessionOf(t)!;
    session.worker.tick();
    session.worker.tick();
    const samples = session.history.samples();
    expect(samples.length).toBeGreaterThanOrEqual(2);
    expect(samples[samples.length - 1].up).toBe(t.upload_rate);
    const ring = new SpeedHistory(9);
    const base = Date.now();
    for (let i = 0; i < 100; i++) ring.push(i, 2 * i, base + i * 9000);
    expect(ring.length).toBe(34); // 300 s at a 9 s tick
    expect(ring.byteLength).toBe(34 * 3 * 4);
    expect(ring.samples()[0].up).toBe(66);
    const last = ring.samples()[33];
    expect([last.up, last.down]).toEqual([99, 198]);
    expect(Math.abs(last.time - (base + 99 * 9000))).toBeLessThan(5);
    ring.resize(30);
    expect(ring.samples().map((s) => s.up)).toEqual([90, 91, 92, 93, 94, 95, 96, 97, 98, 99]);
  });

  it('judges tracker health as a real client shows it', () => {
    expect(trackerHealth([]).failing).toBeFalse();
    expect(trackerHealth([info('a', 0, 'idle', 0, '')]).failing).toBeFalse();
    expect(
      trackerHealth([
        info('a', 0, 'disabled', 1, 'Not retried until you update the tracker: it said “unregistered torrent”', 5),
      ]),
    ).toEqual({
      failing: true,
      lastFailure: 'Not retried until you update the tracker: it said “unregistered torrent”',
    });
    expect(trackerHealth([info('a', 0, 'error', 1, 'x', 1), info('b', 0, 'working', 0, '', 2)]).failing).toBeFalse();
    expect(trackerHealth([info('a', 0, 'stopped', 0, ''), info('b', 0, 'error', 3, 'y', 2)]).failing).toBeFalse();
  });
});
