import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';

import webResource from 'dfs:remote-web-resource';

import { sendError } from './httpReply.ts';
import { _ } from '../../lib/i18n.ts';

/** Where the page's files are inside the GResource (data/remote/remote.gresource.xml). */
const PREFIX = '/ie/fio/dfakeseeder/remote';
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  json: 'application/manifest+json',
};

/**
 * The web page: its files come from a GResource compiled at build time (web/ bundled by
 * esbuild, then glib-compile-resources) and embedded in the app bundle, so nothing is fetched
 * from anywhere else and `gjs -m dist/main.js`, meson and the Flatpak all serve the same bytes.
 */
export class WebAssets {
  readonly #resource: Gio.Resource;

  constructor() {
    this.#resource = Gio.Resource.new_from_data(new GLib.Bytes(webResource));
  }

  /** The file's bytes, or null when the resource has no such file. */
  lookup(path: string): GLib.Bytes | null {
    try {
      return this.#resource.lookup_data(`${PREFIX}${path}`, Gio.ResourceLookupFlags.NONE);
    } catch {
      return null;
    }
  }

  /** Answers GET/HEAD for `/` and the page's files. */
  serve(msg: Soup.ServerMessage, path: string): void {
    const name = path === '/' ? '/index.html' : path;
    const bytes = /^\/[a-z0-9._-]+$/i.test(name) && !name.includes('..') ? this.lookup(name) : null;
    if (!bytes) {
      sendError(msg, 404, 'not_found', _('There is nothing at this address.'));
      return;
    }
    const ext = name.slice(name.lastIndexOf('.') + 1);
    msg.set_status(200, null);
    msg.get_response_headers().replace('Cache-Control', 'no-cache');
    msg.set_response(TYPES[ext] ?? 'application/octet-stream', Soup.MemoryUse.COPY, bytes.toArray());
  }
}
