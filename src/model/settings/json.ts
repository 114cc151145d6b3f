/** JSON values and the dot-path helpers the settings store is built on. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isPlainObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepClone<T>(v: T): T {
  // Strings, numbers, booleans and null are values already (most settings reads are these).
  if (v === null || typeof v !== 'object') return v;
  return JSON.parse(JSON.stringify(v)) as T;
}

export function splitPath(path: string): string[] {
  return path.split('.');
}

export function getPath(root: JsonObject, path: string): Json | undefined {
  let node: Json | undefined = root;
  for (const part of splitPath(path)) {
    if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

/** Sets a value, creating (or replacing non-object) parents on the way. */
export function setPath(root: JsonObject, path: string, value: Json): void {
  const parts = splitPath(path);
  let node = root;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(node[part])) node[part] = {};
    node = node[part] as JsonObject;
  }
  node[parts[parts.length - 1]] = value;
}

/** Removes a value and any parent objects left empty by it. */
export function deletePath(root: JsonObject, path: string): void {
  const parts = splitPath(path);
  const chain: JsonObject[] = [root];
  for (const part of parts.slice(0, -1)) {
    const next = chain[chain.length - 1][part];
    if (!isPlainObject(next)) return;
    chain.push(next);
  }
  delete chain[chain.length - 1][parts[parts.length - 1]];
  for (let i = chain.length - 1; i > 0; i--) {
    if (Object.keys(chain[i]).length > 0) break;
    delete chain[i - 1][parts[i - 1]];
  }
}

/** `over` laid on top of `base`: objects merge key by key, anything else replaces. */
export function deepMerge(base: JsonObject, over: JsonObject): JsonObject {
  const out: JsonObject = deepClone(base);
  for (const [k, v] of Object.entries(over)) {
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k] as JsonObject, v) : deepClone(v);
  }
  return out;
}

/** Dot paths of every non-object value below `node` (an empty object counts as a value). */
export function leafPaths(node: Json, prefix: string): string[] {
  if (!isPlainObject(node) || Object.keys(node).length === 0) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
