import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { _, ngettext } from '../lib/i18n.ts';
import { formatBytes, formatRate } from './format.ts';
import type { SessionTotals, TorrentState } from './TorrentSource.ts';

/**
 * The bottom bar: torrent counts, current speeds, and uploaded/downloaded (this session and in
 * total). Updated by the window's once-a-second tick; it never looks anything up by itself.
 */
export class StatusBar extends Gtk.Box {
  static {
    GObject.registerClass({ GTypeName: 'DfsStatusBar' }, this);
  }

  readonly counts = label('dfs-status-counts');
  readonly upload = label('dfs-status-upload');
  readonly download = label('dfs-status-download');

  constructor() {
    super({ spacing: 18 });
    this.add_css_class('dfs-status-bar');
    this.counts.set_hexpand(true);
    this.counts.set_xalign(0);
    this.append(this.counts);
    this.append(iconed('go-up-symbolic', this.upload, _('Upload: current speed, this session, in total')));
    this.append(iconed('go-down-symbolic', this.download, _('Download: current speed, this session, in total')));
  }

  update(totals: SessionTotals, counts: Record<TorrentState, number>): void {
    const all = counts.all ?? 0;
    const parts = [ngettext('%d torrent', '%d torrents', all).replace('%d', String(all))];
    if (counts.seeding) parts.push(_('%d seeding').replace('%d', String(counts.seeding)));
    if (counts.downloading) parts.push(_('%d downloading').replace('%d', String(counts.downloading)));
    if (counts.paused) parts.push(_('%d paused').replace('%d', String(counts.paused)));
    if (counts.error) parts.push(ngettext('%d error', '%d errors', counts.error).replace('%d', String(counts.error)));
    setIfChanged(this.counts, parts.join(' · '));
    // Translators: "<speed> · <this session> / <in total>", e.g. "1.2 MB/s · 3.4 GB / 120 GB".
    const line = (rate: number, session: number, total: number) =>
      _('%1$s · %2$s / %3$s')
        .replace('%1$s', formatRate(rate))
        .replace('%2$s', formatBytes(session))
        .replace('%3$s', formatBytes(total));
    setIfChanged(this.upload, line(totals.uploadRate, totals.sessionUploaded, totals.totalUploaded));
    setIfChanged(this.download, line(totals.downloadRate, totals.sessionDownloaded, totals.totalDownloaded));
  }
}

function label(cssClass: string): Gtk.Label {
  const l = new Gtk.Label({ xalign: 0 });
  l.add_css_class(cssClass);
  l.add_css_class('numeric');
  return l;
}

function iconed(icon: string, text: Gtk.Label, tooltip: string): Gtk.Box {
  const box = new Gtk.Box({ spacing: 4, tooltip_text: tooltip });
  box.append(new Gtk.Image({ icon_name: icon }));
  box.append(text);
  return box;
}

function setIfChanged(l: Gtk.Label, text: string): void {
  if (l.get_label() !== text) l.set_label(text);
}
