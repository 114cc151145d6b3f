import Adw from 'gi://Adw';
import Gdk from 'gi://Gdk?version=4.0';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { format, _ } from '../lib/i18n.ts';
import type { TrackedPeerView, TrackedTorrentView, TrackerFigures } from '../model/trackerServer/index.ts';
import { AnnounceGraph } from './AnnounceGraph.ts';
import { formatBytes, formatCount } from './format.ts';
import { recordTable, setRecords } from './recordTable.ts';
import type { RecordItem } from './RecordItem.ts';
import type { SettingsAccess } from './TorrentSource.ts';

/** What the Tracker page reads from the built-in tracker (TrackerService satisfies it). */
export interface TrackerPageSource {
  readonly running: boolean;
  readonly error: string;
  announceUrls(): string[];
  figures(): TrackerFigures;
  torrents(): TrackedTorrentView[];
  peersOf(infoHashHex: string): TrackedPeerView[];
  /** Figures or state moved; returns the disconnect. */
  onChange(callback: () => void): () => void;
}

const ENABLED = 'tracker_settings.enabled';

/**
 * The Tracker page of the main window: whether the built-in tracker listens and where (each
 * address with a Copy button), its figures, a live graph of announces, the torrents it tracks
 * with seeders / leechers / completed, and the peers of the selected torrent. Off, it offers to
 * turn the tracker on. It only reads the tracker; the one thing it writes is that setting.
 */
export class TrackerPage extends Gtk.Stack {
  static {
    GObject.registerClass({ GTypeName: 'DfsTrackerPage' }, this);
  }

  readonly source: TrackerPageSource;
  readonly graph = new AnnounceGraph();
  readonly addresses = new Adw.PreferencesGroup({ title: _('Listening On') });
  readonly figuresLabel = new Gtk.Label({ xalign: 0, wrap: true, css_classes: ['dim-label'] });
  readonly errorLabel = new Gtk.Label({ xalign: 0, wrap: true, css_classes: ['error'], visible: false });
  readonly torrentsTable = recordTable([
    { key: 'name', title: _('Torrent'), expand: true },
    { key: 'seeders', title: _('Seeders'), numeric: true },
    { key: 'leechers', title: _('Leechers'), numeric: true },
    { key: 'completed', title: _('Completed'), numeric: true },
    { key: 'announces', title: _('Announces'), numeric: true },
  ]);
  readonly peersTable = recordTable([
    { key: 'address', title: _('Address'), expand: true, selectable: true },
    { key: 'port', title: _('Port'), numeric: true },
    { key: 'client', title: _('Client') },
    { key: 'role', title: _('Role') },
    { key: 'left', title: _('Left'), numeric: true },
    { key: 'idle', title: _('Last Announce'), numeric: true },
  ]);
  readonly selection: Gtk.SingleSelection;
  #addressRows: Gtk.Widget[] = [];
  #selectedHash = '';
  #unsubscribe: (() => void) | null = null;

  constructor(source: TrackerPageSource, settings: SettingsAccess) {
    super({ vexpand: true, hexpand: true });
    this.source = source;
    const off = new Adw.StatusPage({
      icon_name: 'network-server-symbolic',
      title: _('The Built-in Tracker Is Off'),
      description: _(
        'Turn it on to run a BitTorrent tracker on this computer (127.0.0.1 unless you choose otherwise in Preferences → Tracker), announce your torrents to it, and watch what a tracker sees.',
      ),
    });
    const turnOn = new Gtk.Button({
      label: _('_Turn On'),
      use_underline: true,
      halign: Gtk.Align.CENTER,
      css_classes: ['pill', 'suggested-action'],
    });
    turnOn.connect('clicked', () => settings.set(ENABLED, true));
    off.set_child(turnOn);
    this.add_named(off, 'off');

    const sorted = (this.torrentsTable.view.get_model() as Gtk.NoSelection).get_model()!;
    this.selection = new Gtk.SingleSelection({ model: sorted, autoselect: false, can_unselect: true });
    this.torrentsTable.view.set_model(this.selection);
    this.selection.connect('notify::selected', () => {
      const item = this.selection.get_selected_item() as RecordItem | null;
      this.#selectedHash = item ? String(item.record.infoHashHex) : '';
      this.#refreshPeers();
    });

    const box = new Gtk.Box({ orientation: Gtk.Orientation.VERTICAL, spacing: 12 });
    for (const m of ['top', 'bottom', 'start', 'end'] as const) box[`set_margin_${m}`](12);
    box.append(this.errorLabel);
    box.append(this.addresses);
    box.append(this.figuresLabel);
    box.append(this.graph);
    const paned = new Gtk.Paned({
      orientation: Gtk.Orientation.VERTICAL,
      start_child: this.torrentsTable.widget,
      end_child: this.peersTable.widget,
      vexpand: true,
      position: 110,
    });
    box.append(paned);
    this.add_named(box, 'on');

    this.#unsubscribe = source.onChange(() => this.refresh());
    this.connect('destroy', () => this.detach());
    this.refresh();
  }

  detach(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  /** Reads everything again (the tracker coalesces its `changed` to twice a second). */
  refresh(): void {
    const s = this.source;
    this.errorLabel.set_label(s.error);
    this.errorLabel.set_visible(s.error !== '');
    this.set_visible_child_name(s.running ? 'on' : 'off');
    if (!s.running && !s.error) return;
    this.#refreshAddresses();
    const f = s.figures();
    this.figuresLabel.set_label(
      format(
        _(
          '%1$s torrents · %2$s peers · %3$s announces a minute · %4$s announces, %5$s scrapes, %6$s refused since start',
        ),
        formatCount(f.torrents),
        formatCount(f.peers),
        formatCount(f.announcesPerMinute),
        formatCount(f.announces),
        formatCount(f.scrapes),
        formatCount(f.failures),
      ),
    );
    this.graph.setSamples(f.history);
    const torrents = s.torrents();
    setRecords(
      this.torrentsTable.store,
      torrents.map((t) => ({
        name: t.name || t.infoHashHex,
        infoHashHex: t.infoHashHex,
        seeders: t.seeders,
        leechers: t.leechers,
        completed: t.completed,
        announces: t.announces,
      })),
    );
    // Keep the selection across the refresh.
    const n = this.selection.get_n_items();
    let at = Gtk.INVALID_LIST_POSITION;
    for (let i = 0; i < n; i++)
      if ((this.selection.get_item(i) as RecordItem).record.infoHashHex === this.#selectedHash) at = i;
    if (at !== Gtk.INVALID_LIST_POSITION) this.selection.set_selected(at);
    this.#refreshPeers();
  }

  #refreshAddresses(): void {
    for (const r of this.#addressRows.splice(0)) this.addresses.remove(r);
    for (const url of this.source.announceUrls()) {
      const row = new Adw.ActionRow({ title: url, title_selectable: true });
      const copy = new Gtk.Button({
        icon_name: 'edit-copy-symbolic',
        valign: Gtk.Align.CENTER,
        tooltip_text: _('Copy'),
        css_classes: ['flat'],
      });
      copy.connect('clicked', () => this.get_clipboard().set_content(Gdk.ContentProvider.new_for_value(url)));
      row.add_suffix(copy);
      this.addresses.add(row);
      this.#addressRows.push(row);
    }
  }

  #refreshPeers(): void {
    const peers = this.#selectedHash ? this.source.peersOf(this.#selectedHash) : [];
    setRecords(
      this.peersTable.store,
      peers.map((p) => ({
        address: p.address,
        port: p.port,
        client: p.client,
        role: p.seeder ? _('Seeder') : _('Leecher'),
        left: formatBytes(p.left),
        'left:sort': p.left,
        idle: format(_('%1$d s ago'), p.idleSeconds),
        'idle:sort': p.idleSeconds,
      })),
    );
  }
}
