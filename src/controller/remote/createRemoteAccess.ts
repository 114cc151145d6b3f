import type Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import type { Torrent } from '../../model/torrent/Torrent.ts';
import { connectSignal } from '../../view/signals.ts';
import { isTorrentAction } from '../../view/torrentActions.ts';
import type { AppController } from '../AppController.ts';
import { RemoteAccess } from './RemoteAccess.ts';
import type { CommandSurface, RemoteSource } from './RemoteSource.ts';
import { SecretKeyring } from './SecretKeyring.ts';

function items(list: Gio.ListModel): Torrent[] {
  const out: Torrent[] = [];
  const n = list.get_n_items();
  for (let i = 0; i < n; i++) out.push(list.get_item(i) as Torrent);
  return out;
}

/** The app's read access, as the remote interface sees it: the window's (ModelReadout). */
function sourceOf(controller: AppController): RemoteSource {
  const readout = controller.readout;
  return {
    torrents: () => items(readout.torrents),
    trackers: (t) => readout.trackers(t),
    files: (t) => readout.files(t),
    log: (t) => readout.log(t),
    options: (t) => readout.options(t),
    totals: () => readout.totals(),
    stateCounts: () => readout.stateCounts(),
    clientIdentities: () => readout.clientIdentities(),
    onChanged: (cb) => readout.onCountsChanged(cb),
    onListChanged: (cb) => {
      const id = connectSignal(readout.torrents, 'items-changed', () => cb());
      return () => readout.torrents.disconnect(id);
    },
    onNotice: (cb) => readout.onNotice(cb),
    statistics: () => controller.statistics,
    builtInTracker: () => controller.trackerServer,
  };
}

/**
 * The torrent actions the application's action group carries (`app.pause`, …): the remote
 * runs them through TorrentActions.invokeJson, the very code each action's activation runs,
 * because it needs the answer (done, or why not in words) that an activation cannot give.
 */
function commandsOf(controller: AppController): CommandSurface {
  return {
    has: (name) => isTorrentAction(name),
    run: (name, parameter) => controller.actions.invokeJson(name, parameter),
  };
}

/**
 * Remote access for one application (the window app or `--headless`); it listens only if
 * turned on. Created after the controller has started.
 */
export function createRemoteAccess(controller: AppController, forceOn: boolean): RemoteAccess {
  const access = new RemoteAccess({
    settings: controller.settings,
    source: sourceOf(controller),
    commands: commandsOf(controller),
    keyring: new SecretKeyring(),
    uploadDir: GLib.build_filenamev([GLib.get_user_cache_dir(), 'dfakeseeder', 'uploads']),
    forceOn,
  });
  access.start();
  return access;
}
