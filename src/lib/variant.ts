import GLib from 'gi://GLib';

import { _, format } from './i18n.ts';

/**
 * Builds a GVariant of `type` from a JSON-like value (arrays for arrays and tuples, strings,
 * numbers, booleans; a `v` takes a boolean, a number or a string), so an action's parameter can
 * come from JSON (a remote interface, the command line) as well as from code. A value of the
 * wrong shape throws an Error that says where and what was expected.
 */
export function variantFromJson(type: string, value: unknown): GLib.Variant {
  if (!GLib.VariantType.string_is_valid(type)) throw new Error(format(_('“%1$s” is not a GVariant type.'), type));
  return build(new GLib.VariantType(type), value, _('the parameter'));
}

function build(type: GLib.VariantType, value: unknown, where: string): GLib.Variant {
  if (type.is_array()) {
    const element = type.element();
    if (!Array.isArray(value)) throw wrongShape(where, _('a list'));
    return GLib.Variant.new_array(
      element,
      value.map((v, i) => build(element, v, `${where}[${i}]`)),
    );
  }
  if (type.is_tuple()) {
    const items = tupleItems(type.dup_string());
    if (!Array.isArray(value) || value.length !== items.length)
      throw wrongShape(where, format(_('a list of %1$d values'), items.length));
    return GLib.Variant.new_tuple(
      items.map((item, i) => build(new GLib.VariantType(item), value[i], `${where}[${i}]`)),
    );
  }
  switch (type.dup_string()) {
    case 's':
      if (typeof value !== 'string') throw wrongShape(where, _('a text'));
      return GLib.Variant.new_string(value);
    case 'b':
      if (typeof value !== 'boolean') throw wrongShape(where, _('true or false'));
      return GLib.Variant.new_boolean(value);
    case 'i':
      if (!Number.isInteger(value) || Math.abs(value as number) > 2 ** 31 - 1)
        throw wrongShape(where, _('a whole number'));
      return GLib.Variant.new_int32(value as number);
    case 'x':
      if (!Number.isSafeInteger(value)) throw wrongShape(where, _('a whole number'));
      return GLib.Variant.new_int64(value as number);
    case 'd':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongShape(where, _('a number'));
      return GLib.Variant.new_double(value);
    case 'v':
      if (value instanceof GLib.Variant) return GLib.Variant.new_variant(value);
      if (typeof value === 'boolean') return GLib.Variant.new_variant(GLib.Variant.new_boolean(value));
      if (typeof value === 'number' && Number.isFinite(value))
        return GLib.Variant.new_variant(GLib.Variant.new_double(value));
      if (typeof value === 'string') return GLib.Variant.new_variant(GLib.Variant.new_string(value));
      throw wrongShape(where, _('true, false, a number or a text'));
    default:
      throw new Error(format(_('Values of type “%1$s” are not supported.'), type.dup_string()));
  }
}

/**
 * The item types of a tuple type, "(asxv)" → ["as", "x", "v"]. (VariantType.first()/next() are
 * unusable from GJS: the copy it makes of an item ends the string there.)
 */
function tupleItems(tuple: string): string[] {
  const items: string[] = [];
  let i = 1;
  while (i < tuple.length - 1) {
    const end = typeEnd(tuple, i);
    items.push(tuple.slice(i, end));
    i = end;
  }
  return items;
}

/** Where the complete type starting at `i` ends (arrays, maybes, tuples and dict entries nest). */
function typeEnd(s: string, i: number): number {
  const c = s[i];
  if (c === 'a' || c === 'm') return typeEnd(s, i + 1);
  if (c === '(' || c === '{') {
    let j = i + 1;
    while (s[j] !== ')' && s[j] !== '}') j = typeEnd(s, j);
    return j + 1;
  }
  return i + 1;
}

function wrongShape(where: string, expected: string): Error {
  return new Error(format(_('%1$s must be %2$s.'), where, expected));
}
