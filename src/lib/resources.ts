import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { APP_ID, bundleDir } from './config.ts';

/** Where the templates and the stylesheet live once the resource bundle is registered. */
export const RESOURCE_BASE = '/ie/fio/dfakeseeder';

/** `resource:///ie/fio/dfakeseeder/ui/<name>.ui`: a widget template in the bundle. */
export function uiResource(name: string): string {
  return `resource://${RESOURCE_BASE}/ui/${name}.ui`;
}

let registered = false;

/**
 * Registers `<APP_ID>.gresource` (the .ui templates and style.css), which tools/build.mjs and
 * meson put next to the bundle: dist/ from the source tree, $pkgdatadir once installed (also in
 * the Flatpak). It must run before any widget class is defined, because a class reads its
 * template when it is registered: main.ts imports this module first.
 */
export function registerResources(): void {
  if (registered) return;
  // Helper programs the specs build sit one folder below the bundle.
  const name = `${APP_ID}.gresource`;
  const here = GLib.build_filenamev([bundleDir(), name]);
  const path = GLib.file_test(here, GLib.FileTest.EXISTS) ? here : GLib.build_filenamev([bundleDir(), '..', name]);
  Gio.resources_register(Gio.Resource.load(path));
  registered = true;
}

registerResources();
