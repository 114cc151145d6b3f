import { _, format } from '../../lib/i18n.ts';
import { isPlainObject, type Json } from './json.ts';
import { settingAt } from './schema.ts';

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

/**
 * Checks one value (not a group) against its default's type and the rule table. Returns null when
 * it is acceptable, otherwise a sentence for the user.
 */
export function problemWith(path: string, value: unknown, defaultValue: Json): string | null {
  const v = value as Json;
  if (value === undefined) return format(_('“%s” needs a value.'), path);
  if (defaultValue !== null) {
    const wanted = typeName(defaultValue);
    const ok = Array.isArray(defaultValue)
      ? Array.isArray(v)
      : typeof defaultValue === 'number'
        ? typeof v === 'number' && Number.isFinite(v)
        : typeof v === typeof defaultValue && !Array.isArray(v) && v !== null;
    if (!ok) return format(_('“%1$s” must be %2$s, not %3$s.'), path, wanted, shown(v));
  }
  if (Array.isArray(v) && !v.every((x) => typeof x === 'string'))
    return format(_('“%s” must be a list of text.'), path);
  // Bounds and allowed values come from the settings table (schema.ts).
  const rule = settingAt(path);
  if (!rule) return null;
  if (typeof v === 'number') {
    const { min = -Infinity, max = Infinity } = rule;
    const whole = rule.integer ? _('a whole number') : _('a number');
    if ((rule.integer && !Number.isInteger(v)) || v < min || v > max) {
      const range =
        Number.isFinite(min) && Number.isFinite(max) ? format(_('from %1$s to %2$s'), String(min), String(max)) : '';
      return format(_('“%1$s” must be %2$s %3$s, not %4$s.'), path, whole, range, String(v)).replace('  ', ' ');
    }
  }
  if (typeof v === 'string' && rule.values && !rule.values.includes(v)) {
    return format(_('“%1$s” must be one of %2$s, not %3$s.'), path, rule.values.join(', '), shown(v));
  }
  return null;
}
