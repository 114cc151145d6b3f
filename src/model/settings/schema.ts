/**
 * The one table of settings: each setting's dot path in settings.json (the original's key
 * names), its type (from its default), its default and what values it may take. The shipped
 * `data/default.json` must hold exactly these keys with these defaults (tests/unit/settingsSchema.spec.ts
 * checks both ways), and SettingsStore validates every value it reads or is given against it.
 * Code reads a setting with `settings.get(SETTINGS.group.key)`: typed, never undefined, no
 * fallback of its own.
 */
export type SettingValue = number | boolean | string | readonly string[];

export interface Setting<T extends SettingValue = SettingValue> {
  readonly path: string;
  readonly default: T;
  /** Numbers: inclusive bounds, and whether only whole numbers are allowed. */
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** Text: the only values allowed (none: any text). Lists hold text. */
  readonly values?: readonly string[];
}

interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

const num = (path: string, dflt: number, rule: NumberRule = {}): Setting<number> => ({ path, default: dflt, ...rule });
const bool = (path: string, dflt: boolean): Setting<boolean> => ({ path, default: dflt });
const text = (path: string, dflt: string): Setting<string> => ({ path, default: dflt });
const list = (path: string, dflt: readonly string[]): Setting<readonly string[]> => ({ path, default: dflt });
const choice = <V extends string>(path: string, dflt: V, values: readonly V[]): Setting<V> => ({
  path,
  default: dflt,
  values,
});

const PORT: NumberRule = { min: 1, max: 65535, integer: true };
const ANY_PORT: NumberRule = { min: 0, max: 65535, integer: true };
const PERCENT: NumberRule = { min: 0, max: 100 };
/** KB/s. */
const SPEED: NumberRule = { min: 0, max: 10_000_000 };
const RATIO: NumberRule = { min: 0, max: 1_000_000 };
const LOG_LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const;
export const DISTRIBUTION_ALGORITHMS = ['off', 'pareto', 'power-law', 'log-normal'] as const;
export const REDISTRIBUTION_MODES = ['tick', 'custom', 'announce'] as const;
export const PROXY_TYPES = ['none', 'http', 'socks4', 'socks5'] as const;
export const COLOR_SCHEMES = ['auto', 'light', 'dark'] as const;
export const SORT_ORDERS = ['ascending', 'descending'] as const;

function distribution(direction: 'upload' | 'download') {
  const p = `speed_distribution.${direction}`;
  return {
    algorithm: choice(`${p}.algorithm`, 'off', DISTRIBUTION_ALGORITHMS),
    spread_percentage: num(`${p}.spread_percentage`, 50, PERCENT),
    redistribution_mode: choice(`${p}.redistribution_mode`, 'tick', REDISTRIBUTION_MODES),
    custom_interval_minutes: num(`${p}.custom_interval_minutes`, 5, { min: 1, max: 1440 }),
    stopped_min_percentage: num(`${p}.stopped_min_percentage`, 20, PERCENT),
    stopped_max_percentage: num(`${p}.stopped_max_percentage`, 40, PERCENT),
  };
}

function day(name: string): Setting<boolean> {
  return bool(`scheduler.days.${name}`, true);
}

export const SETTINGS = {
  /** Configured speeds of new torrents, KB/s. */
  upload_speed: num('upload_speed', 50, SPEED),
  download_speed: num('download_speed', 500, SPEED),
  /** What the speed distribution shares out when no global cap is set, KB/s. */
  total_upload_speed: num('total_upload_speed', 50, SPEED),
  total_download_speed: num('total_download_speed', 500, SPEED),
  announce_interval: num('announce_interval', 1800, { min: 1, max: 7 * 86400, integer: true }),
  threshold: num('threshold', 30, PERCENT),
  /** Seconds between simulation ticks. */
  tickspeed: num('tickspeed', 9, { min: 1, max: 60 }),
  /** The client identity's id (data/clients.json). */
  agent: text('agent', 'qbittorrent-5.2.3'),
  connection: { listening_port: num('connection.listening_port', 6881, PORT) },
  proxy: {
    type: choice('proxy.type', 'none', PROXY_TYPES),
    server: text('proxy.server', ''),
    port: num('proxy.port', 8080, PORT),
    auth_enabled: bool('proxy.auth_enabled', false),
    username: text('proxy.username', ''),
    /** The keyring item holding the password (ProxyPassword): never the password itself. */
    password_id: text('proxy.password_id', ''),
  },
  /** Visible list columns, in order (the original's comma-separated ids). */
  columns: text('columns', 'id,name,progress,status,upload_rate,download_rate,seeders,leechers,total_size'),
  concurrent_http_connections: num('concurrent_http_connections', 16, { min: 1, max: 1000, integer: true }),
  speed: {
    upload_limit_kbps: num('speed.upload_limit_kbps', 0, SPEED),
    download_limit_kbps: num('speed.download_limit_kbps', 0, SPEED),
    enable_alternative_speeds: bool('speed.enable_alternative_speeds', false),
    alt_upload_limit_kbps: num('speed.alt_upload_limit_kbps', 50, SPEED),
    alt_download_limit_kbps: num('speed.alt_download_limit_kbps', 100, SPEED),
  },
  scheduler: {
    enabled: bool('scheduler.enabled', false),
    start_hour: num('scheduler.start_hour', 22, { min: 0, max: 23, integer: true }),
    start_minute: num('scheduler.start_minute', 0, { min: 0, max: 59, integer: true }),
    end_hour: num('scheduler.end_hour', 6, { min: 0, max: 23, integer: true }),
    end_minute: num('scheduler.end_minute', 0, { min: 0, max: 59, integer: true }),
    days: {
      monday: day('monday'),
      tuesday: day('tuesday'),
      wednesday: day('wednesday'),
      thursday: day('thursday'),
      friday: day('friday'),
      saturday: day('saturday'),
      sunday: day('sunday'),
    },
  },
  window_width: num('window_width', 1024, { min: 1, max: 100000, integer: true }),
  window_height: num('window_height', 600, { min: 1, max: 100000, integer: true }),
  remember_window_size: bool('remember_window_size', true),
  close_to_tray: bool('close_to_tray', false),
  start_minimized: bool('start_minimized', false),
  auto_start: bool('auto_start', false),
  run_in_background: bool('run_in_background', false),
  /** A locale name, or "auto" for the system's. */
  language: text('language', 'auto'),
  ui_settings: {
    speed_variation_min: num('ui_settings.speed_variation_min', 0.2, { min: 0, max: 100 }),
    speed_variation_max: num('ui_settings.speed_variation_max', 0.8, { min: 0, max: 100 }),
    settings_save_debounce_ms: num('ui_settings.settings_save_debounce_ms', 1000, {
      min: 0,
      max: 600000,
      integer: true,
    }),
    color_scheme: choice('ui_settings.color_scheme', 'auto', COLOR_SCHEMES),
    sidebar_width: num('ui_settings.sidebar_width', 200),
    /** 0: the window's own choice. */
    details_pane_height: num('ui_settings.details_pane_height', 0),
    /** The column the list is sorted by ('' = the queue order) and in which direction. */
    sort_column: text('ui_settings.sort_column', ''),
    sort_order: choice('ui_settings.sort_order', 'ascending', SORT_ORDERS),
  },
  seeders: {
    http_timeout_seconds: num('seeders.http_timeout_seconds', 10, { min: 1, max: 600 }),
    udp_timeout_seconds: num('seeders.udp_timeout_seconds', 5, { min: 1, max: 600 }),
    peer_request_count: num('seeders.peer_request_count', 200, { min: 0, max: 10000, integer: true }),
  },
  speed_distribution: { upload: distribution('upload'), download: distribution('download') },
  watch_folder: {
    enabled: bool('watch_folder.enabled', false),
    path: text('watch_folder.path', ''),
    scan_interval_seconds: num('watch_folder.scan_interval_seconds', 10, { min: 1, max: 86400 }),
    auto_start_torrents: bool('watch_folder.auto_start_torrents', true),
    delete_added_torrents: bool('watch_folder.delete_added_torrents', false),
  },
  logging: {
    console_level: choice('logging.console_level', 'INFO', LOG_LEVELS),
    systemd_level: choice('logging.systemd_level', 'ERROR', LOG_LEVELS),
    file_level: choice('logging.file_level', 'DEBUG', LOG_LEVELS),
    log_to_file: bool('logging.log_to_file', false),
    log_to_console: bool('logging.log_to_console', true),
    log_to_systemd: bool('logging.log_to_systemd', true),
    filename: text('logging.filename', ''),
    max_size_mb: num('logging.max_size_mb', 10, { min: 1, max: 100000 }),
  },
  shutdown: { budget_ms: num('shutdown.budget_ms', 2000, { min: 100, max: 60000, integer: true }) },
  simulation: {
    new_torrents_complete: bool('simulation.new_torrents_complete', true),
    upload_only_with_leechers: bool('simulation.upload_only_with_leechers', false),
    stop_at_ratio: num('simulation.stop_at_ratio', 0, RATIO),
    stop_ratio_random: bool('simulation.stop_ratio_random', false),
    stop_ratio_min: num('simulation.stop_ratio_min', 1, RATIO),
    stop_ratio_max: num('simulation.stop_ratio_max', 2, RATIO),
    stop_after_seeding_hours: num('simulation.stop_after_seeding_hours', 0, RATIO),
  },
  /**
   * Seeding profiles (src/model/session/seedingProfiles.ts): the one new torrents get. Custom is
   * `upload_speed`/`download_speed` above and these values; the others are built in.
   */
  seeding_profile: {
    name: choice('seeding_profile.name', 'custom', ['conservative', 'balanced', 'aggressive', 'custom'] as const),
    custom: {
      upload_limit: num('seeding_profile.custom.upload_limit', 0, SPEED),
      download_limit: num('seeding_profile.custom.download_limit', 0, SPEED),
      announce_floor: num('seeding_profile.custom.announce_floor', 0, { min: 0, max: 7 * 86400, integer: true }),
      stop_ratio: num('seeding_profile.custom.stop_ratio', 0, RATIO),
      stop_seeding_minutes: num('seeding_profile.custom.stop_seeding_minutes', 0, { min: 0, max: 1e9, integer: true }),
    },
  },
  /** Remote access (src/controller/remote/): off by default, this computer only by default. */
  remote: {
    enabled: bool('remote.enabled', false),
    port: num('remote.port', 8765, { min: 1024, max: 65535, integer: true }),
    listen: choice('remote.listen', 'loopback', ['loopback', 'network'] as const),
    /** Other names the page may be opened as (comma separated), besides IP addresses and the host name. */
    host_names: text('remote.host_names', ''),
    tls_certificate: text('remote.tls_certificate', ''),
    tls_key: text('remote.tls_key', ''),
    /** `pbkdf2-sha256$iterations$salt$hash`, or '' (no password, or it is in the keyring). */
    password_hash: text('remote.password_hash', ''),
    password_in_keyring: bool('remote.password_in_keyring', false),
    /** API tokens as `id$created$sha256$name`: the token itself is never stored. */
    tokens: list('remote.tokens', []),
  },
  notifications: {
    enabled: bool('notifications.enabled', true),
    torrent_added: bool('notifications.torrent_added', true),
    tracker_errors: bool('notifications.tracker_errors', true),
    torrent_stopped: bool('notifications.torrent_stopped', true),
    torrent_completed: bool('notifications.torrent_completed', true),
  },
  /** The built-in tracker (src/model/trackerServer/); off by default, loopback only by default. */
  tracker_settings: {
    enabled: bool('tracker_settings.enabled', false),
    http_enabled: bool('tracker_settings.http_enabled', true),
    /** 0: any free port (the system chooses; the tracker says which). */
    http_port: num('tracker_settings.http_port', 6969, ANY_PORT),
    udp_enabled: bool('tracker_settings.udp_enabled', true),
    udp_port: num('tracker_settings.udp_port', 6969, ANY_PORT),
    bind_address: text('tracker_settings.bind_address', '127.0.0.1'),
    announce_interval_seconds: num('tracker_settings.announce_interval_seconds', 1800, {
      min: 10,
      max: 86400,
      integer: true,
    }),
    peer_timeout_multiplier: num('tracker_settings.peer_timeout_multiplier', 3, { min: 1, max: 100 }),
    max_peers_per_announce: num('tracker_settings.max_peers_per_announce', 50, { min: 0, max: 1000, integer: true }),
    max_peers_per_torrent: num('tracker_settings.max_peers_per_torrent', 2000, {
      min: 1,
      max: 1_000_000,
      integer: true,
    }),
    max_torrents: num('tracker_settings.max_torrents', 10000, { min: 1, max: 1_000_000, integer: true }),
    max_total_peers: num('tracker_settings.max_total_peers', 100000, { min: 1, max: 2_000_000, integer: true }),
    torrent_filter: choice('tracker_settings.torrent_filter', 'any', ['any', 'library', 'whitelist'] as const),
    torrent_whitelist: list('tracker_settings.torrent_whitelist', []),
    private_mode: bool('tracker_settings.private_mode', false),
    enable_scrape: bool('tracker_settings.enable_scrape', true),
    log_announces: bool('tracker_settings.log_announces', false),
    security: {
      ip_whitelist: list('tracker_settings.security.ip_whitelist', []),
      ip_blacklist: list('tracker_settings.security.ip_blacklist', []),
      rate_limit_per_minute: num('tracker_settings.security.rate_limit_per_minute', 60, {
        min: 0,
        max: 1_000_000,
        integer: true,
      }),
      rate_limit_loopback: bool('tracker_settings.security.rate_limit_loopback', false),
    },
  },
} as const;

function isSetting(v: unknown): v is Setting {
  return typeof v === 'object' && v !== null && typeof (v as { path?: unknown }).path === 'string';
}

function collect(node: object, out: Map<string, Setting>): Map<string, Setting> {
  for (const v of Object.values(node)) {
    if (isSetting(v)) out.set(v.path, v);
    else if (typeof v === 'object' && v !== null) collect(v, out);
  }
  return out;
}

const BY_PATH = collect(SETTINGS, new Map());

/** Every setting of the table, by dot path. */
export function allSettings(): readonly Setting[] {
  return [...BY_PATH.values()];
}

/** The table's entry for a dot path, or undefined for a key the table does not know. */
export function settingAt(path: string): Setting | undefined {
  return BY_PATH.get(path);
}
