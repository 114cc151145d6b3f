import defaultJson from '../../../data/default.json';
import { deepClone, type JsonObject } from './json.ts';

/**
 * The shipped defaults (data/default.json, the original's key names). Bundled at build time so
 * that the defaults are always present whatever folder the bundle runs from.
 */
export function shippedDefaults(): JsonObject {
  const copy: JsonObject = deepClone(defaultJson);
  // Per-torrent state is not a setting; it lives beside them in settings.json.
  delete copy.torrents;
  return copy;
}
