import Adw from 'gi://Adw';
import Gio from 'gi://Gio';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';
import Pango from 'gi://Pango';

import { _ } from '../lib/i18n.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDuration,
  formatNextUpdate,
  formatKbps,
  formatPercent,
  formatPriority,
  formatRate,
  formatStatus,
  formatTime,
  formatYesNo,
} from './format.ts';
import { infoGrid } from './infoGrid.ts';
import { OptionsPage } from './OptionsPage.ts';
import { RecordItem } from './RecordItem.ts';
import { recordTable, setRecords } from './recordTable.ts';
import { GRAPH_SAMPLES, SpeedGraph } from './SpeedGraph.ts';
import type { TorrentActionActivator } from './torrentActions.ts';
import type { TorrentSource, Unsubscribe } from './TorrentSource.ts';

/** The tabs, in order: stack page name and title. */
export const DETAILS_TABS: [name: string, title: () => string][] = [
  ['status', () => _('Status')],
  ['details', () => _('Details')],
  ['files', () => _('Files')],
  ['trackers', () => _('Trackers')],
  ['peers', () => _('Peers')],
  ['options', () => _('Options')],
  ['log', () => _('Log')],
];

/** How many torrents keep a speed history while not selected (switching back shows it). */
const HISTORY_TORRENTS = 8;

/**
 * The bottom pane: details of the torrent the selection is focused on, in tabs. Figures follow
 * the torrent's notifying properties; trackers, peers and log follow the controller's
 * change notifications; the speed graph gets one sample a second from the window's tick.
 */
export class DetailsPane extends Gtk.Stack {
  static {
    GObject.registerClass({ GTypeName: 'DfsDetailsPane' }, this);
  }

  readonly tabs: Gtk.Stack;
  readonly graph: SpeedGraph;
  readonly options: OptionsPage;
  readonly status = infoGrid([
    ['status', _('Status')],
    ['progress', _('Progress')],
    ['ratio', _('Ratio')],
    ['uploaded', _('Uploaded')],
    ['downloaded', _('Downloaded')],
    ['upload', _('Upload Speed')],
    ['download', _('Download Speed')],
    ['swarm', _('Seeders / Leechers')],
    ['next', _('Next Announce')],
    ['seeding', _('Seeding Time')],
    ['message', _('Tracker Message')],
  ]);
  readonly details = infoGrid([
    ['name', _('Name')],
    ['hash', _('Info Hash')],
    ['size', _('Size')],
    ['pieces', _('Pieces')],
    ['private', _('Private')],
    ['created', _('Created')],
    ['createdBy', _('Created By')],
    ['comment', _('Comment')],
    ['label', _('Label')],
    ['priority', _('Priority')],
    ['path', _('Torrent File')],
  ]);
  readonly trackersTable = recordTable([
    { key: 'url', title: _('URL'), expand: true, selectable: true, width: 300 },
    { key: 'tier', title: _('Tier'), numeric: true },
    { key: 'status', title: _('Status') },
    { key: 'last', title: _('Last Announce') },
    { key: 'next', title: _('Next Announce') },
    { key: 'seeders', title: _('Seeders'), numeric: true },
    { key: 'leechers', title: _('Leechers'), numeric: true },
    { key: 'message', title: _('Message'), expand: true, width: 240 },
  ]);
  readonly peersTable = recordTable([
    { key: 'address', title: _('Address'), selectable: true, width: 260 },
    { key: 'port', title: _('Port'), numeric: true },
    { key: 'tracker', title: _('From Tracker'), expand: true, width: 320 },
  ]);
  readonly logTable = recordTable([
    { key: 'time', title: _('Time'), width: 100 },
    { key: 'level', title: _('Level'), width: 90 },
    { key: 'message', title: _('Message'), expand: true, selectable: true, width: 600 },
  ]);
  readonly filesView: Gtk.ListView;
  readonly filesRoot = new Gio.ListStore({ item_type: RecordItem.$gtype });

  readonly #source: TorrentSource;
  #torrent: Torrent | null = null;
  #handlers: number[] = [];
  #unsubscribeDetails: Unsubscribe | null = null;
  readonly #history = new Map<Torrent, { up: number[]; down: number[] }>();
  readonly #placeholders = new Map<string, Gtk.Stack>();

  constructor(source: TorrentSource, activate: TorrentActionActivator) {
    super({ transition_type: Gtk.StackTransitionType.CROSSFADE, vexpand: true });
    this.#source = source;
    this.add_css_class('dfs-details');

    const none = new Adw.StatusPage({
      icon_name: 'view-list-symbolic',
      title: _('No Torrent Selected'),
      description: _('Select a torrent to see its status, files, trackers and peers.'),
    });
    none.add_css_class('compact');
    this.add_named(none, 'none');

    this.tabs = new Gtk.Stack({ transition_type: Gtk.StackTransitionType.NONE, vexpand: true });
    this.graph = new SpeedGraph();
    this.options = new OptionsPage(source, activate);

    this.#addTab('status', this.#statusTab());
    this.#addTab('details', scrolled(this.details.widget));
    this.filesView = this.#filesList();
    this.#addTab('files', new Gtk.ScrolledWindow({ child: this.filesView, vexpand: true }));
    this.#addTab(
      'trackers',
      this.#withPlaceholder(
        'trackers',
        this.trackersTable.widget,
        _('No Trackers'),
        _('This torrent lists no tracker.'),
      ),
    );
    this.#addTab(
      'peers',
      this.#withPlaceholder(
        'peers',
        this.peersTable.widget,
        _('No Peers Yet'),
        _('Peers appear here when a tracker returns some in its reply.'),
      ),
    );
    this.#addTab('options', this.options);
    this.#addTab(
      'log',
      this.#withPlaceholder(
        'log',
        this.logTable.widget,
        _('Nothing Logged Yet'),
        _('Announces and errors appear here.'),
      ),
    );
    this.tabs.connect('notify::visible-child-name', () => this.#refreshTables());

    const switcher = new Gtk.StackSwitcher({ stack: this.tabs, halign: Gtk.Align.CENTER });
    switcher.add_css_class('dfs-details-switcher');
    // In a narrow window the switcher scrolls instead of widening the window past the screen.
    const switcherScroll = new Gtk.ScrolledWindow({
      child: switcher,
      vscrollbar_policy: Gtk.PolicyType.NEVER,
      hscrollbar_policy: Gtk.PolicyType.EXTERNAL,
      propagate_natural_height: true,
    });
    const box = new Gtk.Box({ orientation: Gtk.Orientation.VERTICAL });
    box.append(switcherScroll);
    box.append(this.tabs);
    this.add_named(box, 'tabs');
    this.set_visible_child_name('none');
  }

  get torrent(): Torrent | null {
    return this.#torrent;
  }

  /** Shows this torrent (null: the empty state). */
  setTorrent(torrent: Torrent | null): void {
    if (torrent === this.#torrent) return;
    this.#disconnect();
    this.#torrent = torrent;
    this.set_visible_child_name(torrent ? 'tabs' : 'none');
    this.options.setTorrent(torrent);
    if (!torrent) return;
    this.#handlers.push(torrent.connect('notify', () => this.#updateFigures()));
    this.#unsubscribeDetails = this.#source.onTorrentDetailsChanged(torrent, () => this.#refreshTables());
    this.#updateFigures();
    this.#fillFiles();
    this.#refreshTables();
    const history = this.#history.get(torrent);
    this.graph.clear();
    if (history) history.up.forEach((u, i) => this.graph.addSample(u, history.down[i]));
  }

  /** Once a second: speed samples for the selected and recently selected torrents. */
  tick(): void {
    const t = this.#torrent;
    if (t) {
      let h = this.#history.get(t);
      if (!h) {
        h = { up: [], down: [] };
        this.#history.set(t, h);
        while (this.#history.size > HISTORY_TORRENTS) this.#history.delete(this.#history.keys().next().value!);
      }
      this.graph.addSample(t.upload_rate, t.download_rate);
      h.up = [...this.graph.upload];
      h.down = [...this.graph.download];
      this.#updateFigures();
    }
    for (const [other, h] of this.#history) {
      if (other === t) continue;
      h.up.push(other.upload_rate);
      h.down.push(other.download_rate);
      if (h.up.length > GRAPH_SAMPLES) h.up.shift();
      if (h.down.length > GRAPH_SAMPLES) h.down.shift();
    }
  }

  /** Stops following the model: unbinds every table's rows while JS can still run. */
  teardown(): void {
    this.setTorrent(null);
    this.trackersTable.view.set_model(null);
    this.peersTable.view.set_model(null);
    this.logTable.view.set_model(null);
    this.filesView.set_model(null);
  }

  /** Forgets a removed torrent. */
  forget(torrent: Torrent): void {
    this.#history.delete(torrent);
    if (this.#torrent === torrent) this.setTorrent(null);
  }

  #addTab(name: string, child: Gtk.Widget): void {
    const title = DETAILS_TABS.find(([n]) => n === name)![1]();
    this.tabs.add_titled(child, name, title);
  }

  #statusTab(): Gtk.Widget {
    const legend = new Gtk.Box({ spacing: 12, halign: Gtk.Align.END });
    legend.append(legendItem(_('Upload'), 'dfs-legend-upload'));
    legend.append(legendItem(_('Download'), 'dfs-legend-download'));
    const graphTitle = new Gtk.Label({ label: _('Speed, Last 5 Minutes'), xalign: 0, hexpand: true });
    graphTitle.add_css_class('heading');
    const graphHeader = new Gtk.Box({ spacing: 12 });
    graphHeader.append(graphTitle);
    graphHeader.append(legend);
    const graphBox = new Gtk.Box({ orientation: Gtk.Orientation.VERTICAL, spacing: 6, hexpand: true });
    graphBox.append(graphHeader);
    const frame = new Gtk.Frame({ child: this.graph });
    frame.add_css_class('dfs-graph-frame');
    graphBox.append(frame);
    const box = new Gtk.Box({ spacing: 24 });
    box.add_css_class('dfs-tab-content');
    this.status.widget.set_hexpand(false);
    box.append(this.status.widget);
    box.append(graphBox);
    return scrolled(box, false);
  }

  #filesList(): Gtk.ListView {
    const tree = Gtk.TreeListModel.new(this.filesRoot, false, true, (item: GObject.Object) => {
      return (item as RecordItem).children;
    });
    const factory = new Gtk.SignalListItemFactory();
    factory.connect('setup', (_f, obj) => {
      const item = obj as Gtk.ListItem;
      const name = new Gtk.Label({ xalign: 0, hexpand: true, ellipsize: Pango.EllipsizeMode.MIDDLE });
      const icon = new Gtk.Image();
      const inner = new Gtk.Box({ spacing: 8 });
      inner.append(icon);
      inner.append(name);
      const expander = new Gtk.TreeExpander({ child: inner, hexpand: true });
      const size = new Gtk.Label({ xalign: 1 });
      size.add_css_class('numeric');
      size.add_css_class('dim-label');
      const row = new Gtk.Box({ spacing: 12 });
      row.add_css_class('dfs-file-row');
      row.append(expander);
      row.append(size);
      item.set_child(row);
    });
    factory.connect('bind', (_f, obj) => {
      const item = obj as Gtk.ListItem;
      const treeRow = item.get_item() as Gtk.TreeListRow;
      const node = treeRow.get_item() as RecordItem;
      const row = item.get_child() as Gtk.Box;
      const expander = row.get_first_child() as Gtk.TreeExpander;
      expander.set_list_row(treeRow);
      const inner = expander.get_child() as Gtk.Box;
      (inner.get_first_child() as Gtk.Image).set_from_icon_name(
        node.children ? 'folder-symbolic' : 'text-x-generic-symbolic',
      );
      (inner.get_last_child() as Gtk.Label).set_label(String(node.record.name));
      (row.get_last_child() as Gtk.Label).set_label(formatBytes(Number(node.record.size)));
    });
    const view = new Gtk.ListView({ model: new Gtk.NoSelection({ model: tree }), factory });
    view.add_css_class('dfs-files');
    return view;
  }

  #fillFiles(): void {
    const t = this.#torrent;
    if (!t) return;
    const files = this.#source.files(t);
    // Folders first, then files, each by name; sizes of folders are the sum of their files.
    type Dir = { dirs: Map<string, Dir>; files: { name: string; size: number }[]; size: number };
    const root: Dir = { dirs: new Map(), files: [], size: 0 };
    for (const f of files) {
      let dir = root;
      dir.size += f.length;
      const parts = f.path.length ? f.path : [t.name];
      for (const part of parts.slice(0, -1)) {
        if (!dir.dirs.has(part)) dir.dirs.set(part, { dirs: new Map(), files: [], size: 0 });
        dir = dir.dirs.get(part)!;
        dir.size += f.length;
      }
      dir.files.push({ name: parts[parts.length - 1], size: f.length });
    }
    const build = (dir: Dir): RecordItem[] => {
      const out: RecordItem[] = [];
      for (const [name, sub] of [...dir.dirs].sort(([a], [b]) => a.localeCompare(b))) {
        const node = new RecordItem({ name, size: sub.size });
        node.children = new Gio.ListStore({ item_type: RecordItem.$gtype });
        node.children.splice(0, 0, build(sub));
        out.push(node);
      }
      for (const f of [...dir.files].sort((a, b) => a.name.localeCompare(b.name))) out.push(new RecordItem(f));
      return out;
    };
    let top = build(root);
    // A multi-file torrent shows under one folder named after the torrent, like file managers do.
    if (files.length > 1 || (files[0] && files[0].path.length > 1)) {
      const folder = new RecordItem({ name: t.name, size: root.size });
      folder.children = new Gio.ListStore({ item_type: RecordItem.$gtype });
      folder.children.splice(0, 0, top);
      top = [folder];
    }
    this.filesRoot.splice(0, this.filesRoot.get_n_items(), top);
  }

  #withPlaceholder(name: string, table: Gtk.Widget, title: string, description: string): Gtk.Stack {
    const stack = new Gtk.Stack();
    const empty = new Adw.StatusPage({ title, description });
    empty.add_css_class('compact');
    stack.add_named(empty, 'empty');
    stack.add_named(table, 'table');
    this.#placeholders.set(name, stack);
    return stack;
  }

  #showTable(name: string, rows: number): void {
    this.#placeholders.get(name)!.set_visible_child_name(rows > 0 ? 'table' : 'empty');
  }

  /** Trackers, peers and log are rebuilt only for the tab on screen. */
  #refreshTables(): void {
    const t = this.#torrent;
    if (!t) return;
    const tab = this.tabs.get_visible_child_name();
    if (tab === 'trackers') {
      const rows = this.#source.trackers(t).map((tr) => ({
        url: tr.url,
        tier: tr.tier + 1,
        status: tr.status,
        last: tr.lastAnnounce ? formatTime(tr.lastAnnounce) : '—',
        'last:sort': tr.lastAnnounce ?? 0,
        next: tr.nextAnnounce ? formatTime(tr.nextAnnounce) : '—',
        'next:sort': tr.nextAnnounce ?? 0,
        seeders: formatCount(tr.seeders),
        'seeders:sort': tr.seeders,
        leechers: formatCount(tr.leechers),
        'leechers:sort': tr.leechers,
        message: tr.message,
      }));
      setRecords(this.trackersTable.store, rows);
      this.#showTable('trackers', rows.length);
    } else if (tab === 'peers') {
      const rows = this.#source.peers(t).map((p) => ({ address: p.address, port: p.port, tracker: p.trackerUrl }));
      setRecords(this.peersTable.store, rows);
      this.#showTable('peers', rows.length);
    } else if (tab === 'log') {
      const levels = { info: _('Info'), warning: _('Warning'), error: _('Error') };
      const rows = this.#source.log(t).map((l) => ({
        time: formatTime(l.time),
        'time:sort': l.time,
        level: levels[l.level],
        message: l.message,
      }));
      setRecords(this.logTable.store, rows);
      this.#showTable('log', rows.length);
    }
  }

  #updateFigures(): void {
    const t = this.#torrent;
    if (!t) return;
    const s = this.status;
    s.set('status', t.stop_reason ? `${formatStatus(t.status)} — ${t.stop_reason}` : formatStatus(t.status));
    s.set('progress', formatPercent(t.progress));
    s.set('ratio', t.ratio.toFixed(3));
    // Translators: "<this session> (<lifetime> in total)".
    const pair = (session: number, total: number) =>
      _('%1$s (%2$s in total)').replace('%1$s', formatBytes(session)).replace('%2$s', formatBytes(total));
    s.set('uploaded', pair(t.session_uploaded, t.total_uploaded));
    s.set('downloaded', pair(t.session_downloaded, t.total_downloaded));
    // Translators: "<current rate> (set to <configured speed>)".
    const speed = (rate: number, configured: number) =>
      _('%1$s (set to %2$s)').replace('%1$s', formatRate(rate)).replace('%2$s', formatKbps(configured));
    s.set('upload', speed(t.upload_rate, t.upload_speed));
    s.set('download', speed(t.download_rate, t.download_speed));
    s.set('swarm', `${formatCount(t.seeders)} / ${formatCount(t.leechers)}`);
    s.set('next', t.active ? formatNextUpdate(t.next_update) : '—');
    s.set('seeding', formatDuration(t.seeding_time));
    s.set('message', t.error_message || t.tracker_message || '—');

    const d = this.details;
    d.set('name', t.name);
    d.set('hash', t.info_hash);
    d.set('size', formatBytes(t.total_size));
    d.set(
      'pieces',
      // Translators: "<count> × <piece size>".
      _('%1$d × %2$s').replace('%1$d', String(t.piece_count)).replace('%2$s', formatBytes(t.piece_length)),
    );
    d.set('private', formatYesNo(t.private));
    d.set('created', formatDate(t.creation_date) || '—');
    d.set('createdBy', t.created_by || '—');
    d.set('comment', t.comment || '—');
    d.set('label', t.label || '—');
    d.set('priority', formatPriority(t.priority));
    d.set('path', t.filepath);
  }

  #disconnect(): void {
    for (const id of this.#handlers) this.#torrent?.disconnect(id);
    this.#handlers = [];
    this.#unsubscribeDetails?.();
    this.#unsubscribeDetails = null;
  }
}

function scrolled(child: Gtk.Widget, pad = true): Gtk.ScrolledWindow {
  if (pad) child.add_css_class('dfs-tab-content');
  return new Gtk.ScrolledWindow({ child, vexpand: true, hscrollbar_policy: Gtk.PolicyType.NEVER });
}

function legendItem(text: string, cssClass: string): Gtk.Box {
  const box = new Gtk.Box({ spacing: 6 });
  const swatch = new Gtk.Box({ valign: Gtk.Align.CENTER });
  swatch.add_css_class('dfs-legend-swatch');
  swatch.add_css_class(cssClass);
  box.append(swatch);
  const label = new Gtk.Label({ label: text });
  label.add_css_class('caption');
  box.append(label);
  return box;
}
