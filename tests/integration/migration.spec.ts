import { TorrentLibrary } from '../../src/model/library/index.ts';
import { agentIdFromIndex, SettingsStore } from '../../src/model/settings/index.ts';
import { makeTempDir, readText, removeTree, writeFile } from '../support/tempdir.ts';
import { makeTorrent } from '../support/torrents.ts';

/** The original's `agents` list (default.json order): "User-Agent,peer-id prefix". */
const ORIGINAL_AGENTS = [
  'Deluge/2.0.3 libtorrent/2.0.5,-DE2003-',
  'qBittorrent/4.3.1,-qB4310-',
  'Transmission/3.00,-TR3000-',
  'uTorrent/3.5.5,-UT355W-',
  'Vuze/5.7.6.0,-AZ5760-',
  'BitTorrent/7.10.5,-BT7a5W-',
  'rTorrent/0.9.6/0.13.6,-lt0D60-',
];

/** One torrent's entry as the Python app wrote it (reference/original.md §2.3). */
function originalState(path: string, name: string, figures: Record<string, unknown>) {
  return {
    active: true,
    id: 1,
    announce_interval: 1800,
    download_speed: 500,
    filepath: path,
    leechers: 3,
    name,
    next_update: 1200,
    progress: 1.0,
    seeders: 12,
    session_downloaded: 0,
    session_uploaded: 5242880,
    small_torrent_limit: 0,
    threshold: 30,
    total_downloaded: 1048576,
    total_size: 1048576,
    total_uploaded: 5242880,
    upload_speed: 50,
    uploading: true,
    label: '',
    priority: 'normal',
    upload_limit: 0,
    download_limit: 0,
    super_seeding: false,
    sequential_download: false,
    force_start: false,
    creation_date: 1700000000,
    comment: '',
    created_by: 'mktorrent 1.1',
    piece_length: 262144,
    piece_count: 4,
    ...figures,
  };
}

/** A config folder in the original's format: settings.json (every default.json key it seeds) + torrents/. */
function writeOriginalConfig(configDir: string, agent: number, agents = ORIGINAL_AGENTS): Record<string, string> {
  const paths = {
    ubuntu: `${configDir}/torrents/ubuntu-24.04.torrent`,
    debian: `${configDir}/torrents/debian-12.torrent`,
    // Written by the original under another home (e.g. before moving to the Flatpak).
    arch: `/home/olduser/.config/dfakeseeder/torrents/archlinux.torrent`,
  };
  writeFile(paths.ubuntu, makeTorrent({ name: 'ubuntu-24.04.iso' }));
  writeFile(paths.debian, makeTorrent({ name: 'debian-12.iso' }));
  writeFile(`${configDir}/torrents/archlinux.torrent`, makeTorrent({ name: 'archlinux.iso' }));
  const settings = {
    upload_speed: 80,
    download_speed: 500,
    total_upload_speed: 50,
    total_download_speed: 500,
    announce_interval: 1800,
    threshold: 30,
    tickspeed: 9,
    agents,
    agent,
    http_headers: { 'Accept-Encoding': 'gzip', 'User-Agent': 'Deluge/2.0.3 libtorrent/2.0.5' },
    proxies: { http: '', https: '' },
    connection: { listening_port: 51413, upnp_enabled: true, max_global_connections: 200, max_per_torrent: 50 },
    proxy: { type: 'none', server: '', port: 8080, auth_enabled: false, username: '', password: '' },
    columns: 'id,name,progress,upload_speed,download_speed,seeders,leechers,total_size',
    concurrent_http_connections: 2,
    cellrenderers: { progress: 'Gtk.ProgressBar' },
    textrenderers: { total_uploaded: 'humanbytes' },
    editwidgets: { active: 'Gtk.Switch' },
    speed: { upload_limit_kbps: 0, download_limit_kbps: 0, enable_alternative_speeds: false },
    scheduler: { enabled: false, start_hour: 22, start_minute: 0, end_hour: 6, end_minute: 0 },
    window_visible: true,
    window_width: 1200,
    window_height: 700,
    close_to_tray: true,
    minimize_to_tray: true,
    language: 'auto',
    ui_settings: {
      settings_save_debounce_ms: 1000,
      color_scheme: 'dark',
      theme_style: 'modern',
      seeder_retry_count: 5,
    },
    seeders: { port_range_min: 1025, port_range_max: 65000, http_timeout_seconds: 10, peer_request_count: 200 },
    webui: { enabled: false, port: 8080, username: 'admin', password: '' },
    peer_protocol: { peer_update_interval_seconds: 30 },
    simulation: { client_behavior_engine: { enabled: true, primary_client: 'qBittorrent' } },
    logging: { console_level: 'INFO', log_to_file: false },
    torrents: {
      [paths.ubuntu]: originalState(paths.ubuntu, 'ubuntu-24.04.iso', {
        total_uploaded: 987654321098,
        total_downloaded: 4000000000,
        progress: 0.75,
        upload_speed: 120,
      }),
      [paths.debian]: originalState(paths.debian, 'debian-12.iso', {
        active: false,
        total_uploaded: 42,
        session_uploaded: 1234.5,
        label: 'isos',
      }),
      [paths.arch]: originalState(paths.arch, 'archlinux.iso', { total_uploaded: 77777 }),
      // Removed torrents the original never cleaned up stay as they were.
      [`${configDir}/torrents/gone.torrent`]: originalState(`${configDir}/torrents/gone.torrent`, 'gone', {}),
    },
  };
  writeFile(`${configDir}/settings.json`, JSON.stringify(settings, null, 4));
  return { ...paths, arch: `${configDir}/torrents/archlinux.torrent` };
}

describe('adopting a DFakeSeeder (Python) config folder', () => {
  let configDir: string;
  beforeEach(() => {
    configDir = `${makeTempDir('dfs-migration')}/dfakeseeder`;
  });
  afterEach(() => removeTree(configDir.replace(/\/dfakeseeder$/, '')));

  it('keeps every torrent with its totals, progress and speeds, and the user’s settings', async () => {
    const paths = writeOriginalConfig(configDir, 2);
    const settings = SettingsStore.open(configDir);
    expect(settings.problems).toEqual([]);
    expect(settings.get<string>('agent')).toBe('transmission-3.00');
    expect(settings.get<number>('upload_speed')).toBe(80);
    expect(settings.get<number>('connection.listening_port')).toBe(51413);
    expect(settings.get<boolean>('close_to_tray')).toBeTrue();
    expect(settings.get<string>('ui_settings.color_scheme')).toBe('dark');
    expect(settings.get<number>('window_width')).toBe(1200);
    // Keys the original had and this port lacks read as defaults.
    expect(settings.get<number>('shutdown.budget_ms')).toBe(2000);

    const library = new TorrentLibrary(`${configDir}/torrents`);
    const { entries, failures } = await library.loadAll();
    expect(failures).toEqual([]);
    expect(entries.map((e) => e.path).sort()).toEqual([paths.arch, paths.debian, paths.ubuntu]);
    const state = (path: string) => settings.getTorrentState(path)!;
    expect(state(paths.ubuntu).total_uploaded).toBe(987654321098);
    expect(state(paths.ubuntu).total_downloaded).toBe(4000000000);
    expect(state(paths.ubuntu).progress).toBe(0.75);
    expect(state(paths.ubuntu).upload_speed).toBe(120);
    expect(state(paths.ubuntu).next_update).toBe(1200);
    expect(state(paths.ubuntu).priority).toBe(1);
    expect(state(paths.debian).active).toBeFalse();
    expect(state(paths.debian).session_uploaded).toBe(1234.5);
    expect(state(paths.debian).label).toBe('isos');
    // State keyed by the copy in the other home follows the file into this config folder.
    expect(state(paths.arch).total_uploaded).toBe(77777);
    expect(state(paths.arch).filepath).toBe(paths.arch);

    // Saving keeps the original's other keys and every torrent's state.
    await settings.saveNow();
    const saved = JSON.parse(readText(`${configDir}/settings.json`)) as Record<string, unknown>;
    expect(saved.agents).toEqual(ORIGINAL_AGENTS);
    expect(saved.agent).toBe('transmission-3.00');
    expect(saved.http_headers).toEqual({ 'Accept-Encoding': 'gzip', 'User-Agent': 'Deluge/2.0.3 libtorrent/2.0.5' });
    expect(saved.webui).toEqual({ enabled: false, port: 8080, username: 'admin', password: '' });
    expect(saved.peer_protocol).toEqual({ peer_update_interval_seconds: 30 });
    expect((saved.simulation as Record<string, unknown>).client_behavior_engine).toEqual({
      enabled: true,
      primary_client: 'qBittorrent',
    });
    expect((saved.ui_settings as Record<string, unknown>).theme_style).toBe('modern');
    expect((saved.connection as Record<string, unknown>).upnp_enabled).toBeTrue();
    const torrents = saved.torrents as Record<string, Record<string, unknown>>;
    expect(Object.keys(torrents).length).toBe(4);
    expect(torrents[paths.ubuntu].total_uploaded).toBe(987654321098);

    const reopened = SettingsStore.open(configDir);
    expect(reopened.problems).toEqual([]);
    expect(reopened.get<string>('agent')).toBe('transmission-3.00');
    expect(reopened.getTorrentState(paths.arch)!.total_uploaded).toBe(77777);
  });

  it('maps every original agent index to its identity, by the entry’s client name when it can', () => {
    expect(ORIGINAL_AGENTS.map((_a, i) => agentIdFromIndex(i, ORIGINAL_AGENTS))).toEqual([
      'deluge-2.0.3',
      'qbittorrent-4.5.2',
      'transmission-3.00',
      'utorrent-3.5.5',
      'vuze-5.7.6',
      'bittorrent-7.10.5',
      'rtorrent-0.9.6',
    ]);
    expect(agentIdFromIndex(0, ['µTorrent/3.5.5,-UT355W-'])).toBe('utorrent-3.5.5');
    expect(agentIdFromIndex(3, undefined)).toBe('utorrent-3.5.5');
    expect(agentIdFromIndex(9, ORIGINAL_AGENTS)).toBeNull();
    expect(agentIdFromIndex(-1, ORIGINAL_AGENTS)).toBeNull();
  });

  it('uses the client the user picked even if their agents list was reordered, and the default for a bad index', () => {
    writeOriginalConfig(configDir, 0, [ORIGINAL_AGENTS[6], ...ORIGINAL_AGENTS.slice(0, 6)]);
    expect(SettingsStore.open(configDir).get<string>('agent')).toBe('rtorrent-0.9.6');
    writeOriginalConfig(configDir, 42);
    const s = SettingsStore.open(configDir);
    expect(s.get<string>('agent')).toBe('qbittorrent-5.2.3');
    expect(s.problems).toEqual([]);
  });
});
