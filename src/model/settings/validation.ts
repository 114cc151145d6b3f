import { _ } from '../../lib/i18n.ts';
import { isPlainObject, type Json } from './json.ts';

/**
 * What a setting may hold beyond its type (the type comes from its default value). Paths may use
 * `*` for one level, e.g. `speed_distribution.*.algorithm`.
 */
interface Rule {
  min?: number;
  max?: number;
  integer?: boolean;
  values?: readonly string[];
}

const PORT: Rule = { min: 1, max: 65535, integer: true };
const PERCENT: Rule = { min: 0, max: 100 };
const SPEED: Rule = { min: 0, max: 10_000_000 };
const LOG_LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const;

const RULES: [string, Rule][] = [
  ['upload_speed', SPEED],
  ['download_speed', SPEED],
  ['total_upload_speed', SPEED],
  ['total_download_speed', SPEED],
  ['announce_interval', { min: 1, max: 7 * 86400, integer: true }],
  ['threshold', PERCENT],
  ['tickspeed', { min: 1, max: 60 }],
  ['connection.listening_port', PORT],
  ['proxy.type', { values: ['none', 'http', 'socks4', 'socks5'] }],
  ['proxy.port', PORT],
  ['concurrent_http_connections', { min: 1, max: 1000, integer: true }],
  ['speed.*', SPEED],
  ['scheduler.start_hour', { min: 0, max: 23, integer: true }],
  ['scheduler.end_hour', { min: 0, max: 23, integer: true }],
  ['scheduler.start_minute', { min: 0, max: 59, integer: true }],
  ['scheduler.end_minute', { min: 0, max: 59, integer: true }],
  ['window_width', { min: 1, max: 100000, integer: true }],
  ['window_height', { min: 1, max: 100000, integer: true }],
  ['ui_settings.speed_variation_min', { min: 0, max: 100 }],
  ['ui_settings.speed_variation_max', { min: 0, max: 100 }],
  ['ui_settings.settings_save_debounce_ms', { min: 0, max: 600000, integer: true }],
  ['ui_settings.color_scheme', { values: ['auto', 'light', 'dark'] }],
  ['seeders.http_timeout_seconds', { min: 1, max: 600 }],
  ['seeders.udp_timeout_seconds', { min: 1, max: 600 }],
  ['seeders.peer_request_count', { min: 0, max: 10000, integer: true }],
  ['speed_distribution.*.algorithm', { values: ['off', 'pareto', 'power-law', 'log-normal'] }],
  ['speed_distribution.*.redistribution_mode', { values: ['tick', 'custom', 'announce'] }],
  ['speed_distribution.*.spread_percentage', PERCENT],
  ['speed_distribution.*.stopped_min_percentage', PERCENT],
  ['speed_distribution.*.stopped_max_percentage', PERCENT],
  ['speed_distribution.*.custom_interval_minutes', { min: 1, max: 1440 }],
  ['watch_folder.scan_interval_seconds', { min: 1, max: 86400 }],
  ['logging.console_level', { values: LOG_LEVELS }],
  ['logging.systemd_level', { values: LOG_LEVELS }],
  ['logging.file_level', { values: LOG_LEVELS }],
  ['logging.max_size_mb', { min: 1, max: 100000 }],
  ['shutdown.budget_ms', { min: 100, max: 60000, integer: true }],
  ['simulation.stop_at_ratio', { min: 0, max: 1_000_000 }],
  ['simulation.stop_ratio_min', { min: 0, max: 1_000_000 }],
  ['simulation.stop_ratio_max', { min: 0, max: 1_000_000 }],
  ['simulation.stop_after_seeding_hours', { min: 0, max: 1_000_000 }],
  ['tracker_settings.http_port', PORT],
  ['tracker_settings.udp_port', PORT],
  ['tracker_settings.announce_interval_seconds', { min: 10, max: 86400, integer: true }],
  ['tracker_settings.peer_timeout_multiplier', { min: 1, max: 100 }],
  ['tracker_settings.max_peers_per_announce', { min: 0, max: 1000, integer: true }],
  ['tracker_settings.max_peers_per_torrent', { min: 1, max: 1_000_000, integer: true }],
  ['tracker_settings.max_torrents', { min: 1, max: 1_000_000, integer: true }],
  ['tracker_settings.max_total_peers', { min: 1, max: 2_000_000, integer: true }],
  ['tracker_settings.torrent_filter', { values: ['any', 'library', 'whitelist'] }],
  ['tracker_settings.security.rate_limit_per_minute', { min: 0, max: 1_000_000, integer: true }],
];

function matches(pattern: string, path: string): boolean {
  const a = pattern.split('.');
  const b = path.split('.');
  return a.length === b.length && a.every((part, i) => part === '*' || part === b[i]);
}

function ruleFor(path: string): Rule | undefined {
  return RULES.find(([pattern]) => matches(pattern, path))?.[1];
}

function typeName(v: Json | undefined): string {
  if (v === null || v === undefined) return _('nothing');
  if (Array.isArray(v)) return _('a list');
  if (isPlainObject(v)) return _('a group of settings');
  if (typeof v === 'boolean') return _('on/off');
  if (typeof v === 'number') return _('a number');
  return _('text');
}

function shown(v: Json | undefined): string {
  if (typeof v === 'string') return `“${v.length > 40 ? `${v.slice(0, 39)}…` : v}”`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeName(v);
}

function fill(template: string, ...values: string[]): string {
  const parts = template.split('%s');
  return parts.reduce((out, part, i) => out + (i > 0 ? (values[i - 1] ?? '') : '') + part);
}

/**
 * Checks one value (not a group) against its default's type and the rule table. Returns null when
 * it is acceptable, otherwise a sentence for the user.
 */
export function problemWith(path: string, value: unknown, defaultValue: Json): string | null {
  const v = value as Json;
  if (value === undefined) return fill(_('“%s” needs a value.'), path);
  if (defaultValue !== null) {
    const wanted = typeName(defaultValue);
    const ok = Array.isArray(defaultValue)
      ? Array.isArray(v)
      : typeof defaultValue === 'number'
        ? typeof v === 'number' && Number.isFinite(v)
        : typeof v === typeof defaultValue && !Array.isArray(v) && v !== null;
    if (!ok) return fill(_('“%s” must be %s, not %s.'), path, wanted, shown(v));
  }
  const rule = ruleFor(path);
  if (!rule) return null;
  if (typeof v === 'number') {
    const { min = -Infinity, max = Infinity } = rule;
    const whole = rule.integer ? _('a whole number') : _('a number');
    if ((rule.integer && !Number.isInteger(v)) || v < min || v > max) {
      const range =
        Number.isFinite(min) && Number.isFinite(max) ? fill(_('from %s to %s'), String(min), String(max)) : '';
      return fill(_('“%s” must be %s %s, not %s.'), path, whole, range, String(v)).replace('  ', ' ');
    }
  }
  if (typeof v === 'string' && rule.values && !rule.values.includes(v)) {
    return fill(_('“%s” must be one of %s, not %s.'), path, rule.values.join(', '), shown(v));
  }
  return null;
}
