import GLib from 'gi://GLib';

/**
 * GJS 1.74 ignores a template given as a plain XML string (it is taken for a URI), so the
 * .ui text that esbuild inlines is handed over as bytes.
 */
export function templateBytes(xml: string): GLib.Bytes {
  return new GLib.Bytes(new TextEncoder().encode(xml));
}
