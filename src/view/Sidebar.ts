import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';
import Pango from 'gi://Pango';

import { _, format } from '../lib/i18n.ts';
import { uiResource } from '../lib/resources.ts';
import type { TorrentCounts } from '../model/session/TorrentCounts.ts';
import { STATE_FILTERS, type StateFilter } from './TorrentSource.ts';

const STATE_LABELS: Record<StateFilter, () => string> = {
  all: () => _('All'),
  downloading: () => _('Downloading'),
  seeding: () => _('Seeding'),
  active: () => _('Active'),
  paused: () => _('Paused'),
  error: () => _('Error'),
};

const STATE_ICONS: Record<StateFilter, string> = {
  all: 'view-list-symbolic',
  downloading: 'folder-download-symbolic',
  seeding: 'send-to-symbolic',
  active: 'network-transmit-receive-symbolic',
  paused: 'media-playback-pause-symbolic',
  error: 'dialog-warning-symbolic',
};

/** How a tracker host is doing over all its torrents: one answered, all failed, or not known yet. */
export type HostHealth = 'working' | 'failing' | 'unknown';

export interface HostCount {
  host: string;
  count: number;
  health?: HostHealth;
  /** The last failure reason from that host, for the tooltip. */
  message?: string;
}

interface SidebarSignals extends Gtk.ScrolledWindow.SignalSignatures {
  'filter-changed': () => void;
}

/**
 * The sidebar: torrent states and tracker hosts, each with a live count, and each host with its
 * health (a warning sign when none of its announces is answered). One state and one tracker are
 * selected at a time; `filter-changed` tells the window to filter the list.
 */
export class Sidebar extends Gtk.ScrolledWindow {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsSidebar',
        Template: uiResource('sidebar'),
        InternalChildren: ['states_list', 'trackers_list'],
        Signals: { 'filter-changed': {} },
      },
      this,
    );
  }

  declare connect: GObject.SignalMethods<this, SidebarSignals>['connect'];
  declare emit: GObject.SignalMethods<this, SidebarSignals>['emit'];
  declare _states_list: Gtk.ListBox;
  declare _trackers_list: Gtk.ListBox;
  readonly #stateCounts = new Map<StateFilter, Gtk.Label>();
  readonly #stateRows = new Map<StateFilter, Gtk.ListBoxRow>();
  /** Host per tracker row; null is "All Trackers". */
  readonly #rowHosts = new Map<Gtk.ListBoxRow, string | null>();
  readonly #hostCounts = new Map<Gtk.ListBoxRow, Gtk.Label>();
  readonly #hostIcons = new Map<Gtk.ListBoxRow, Gtk.Image>();
  #selectedState: StateFilter = 'all';
  #selectedHost: string | null = null;
  #rebuilding = false;

  constructor(params: Partial<Gtk.ScrolledWindow.ConstructorProps> = {}) {
    super(params);
    for (const state of STATE_FILTERS) {
      const { row, count } = countRow(STATE_LABELS[state](), STATE_ICONS[state]);
      this.#stateCounts.set(state, count);
      this.#stateRows.set(state, row);
      this._states_list.append(row);
    }
    this._states_list.select_row(this.#stateRows.get('all')!);
    this._states_list.connect('row-selected', (_l, row: Gtk.ListBoxRow | null) => {
      if (!row) return;
      for (const [state, r] of this.#stateRows) if (r === row) this.#selectedState = state;
      this.emit('filter-changed');
    });
    this._trackers_list.connect('row-selected', (_l, row: Gtk.ListBoxRow | null) => {
      if (this.#rebuilding || !row) return;
      this.#selectedHost = this.#rowHosts.get(row) ?? null;
      this.emit('filter-changed');
    });
    this.update(0, []);
  }

  get statesList(): Gtk.ListBox {
    return this._states_list;
  }

  get trackersList(): Gtk.ListBox {
    return this._trackers_list;
  }

  get selectedState(): StateFilter {
    return this.#selectedState;
  }

  /** null means every tracker. */
  get selectedHost(): string | null {
    return this.#selectedHost;
  }

  selectState(state: StateFilter): void {
    this._states_list.select_row(this.#stateRows.get(state)!);
  }

  selectHost(host: string | null): void {
    for (const [row, h] of this.#rowHosts) if (h === host) this._trackers_list.select_row(row);
  }

  /** Binds each state's count to the model's notifying count; the returned function unbinds them. */
  follow(counts: TorrentCounts): () => void {
    const bindings = [...this.#stateCounts].map(([state, label]) =>
      counts.bind_property_full(
        state,
        label,
        'label',
        GObject.BindingFlags.SYNC_CREATE,
        (_b, n: number) => [true, String(n)],
        null,
      ),
    );
    return () => bindings.forEach((b) => b.unbind());
  }

  /** Shows the hosts' counts and health; the rows are rebuilt only when the set of hosts changed. */
  update(total: number, hosts: HostCount[]): void {
    const sorted = [...hosts].sort((a, b) => b.count - a.count || a.host.localeCompare(b.host));
    const wanted = [null, ...sorted.map((h) => h.host)];
    const current = [...this.#rowHosts.values()];
    if (wanted.join('\n') !== current.join('\n')) this.#rebuildTrackers(wanted);
    for (const [row, host] of this.#rowHosts) {
      const info = host === null ? null : sorted.find((h) => h.host === host);
      this.#hostCounts.get(row)?.set_label(String(host === null ? total : (info?.count ?? 0)));
      if (info) this.#showHealth(row, info);
    }
  }

  /** The label of a state's count (for specs). */
  countOf(state: StateFilter): string {
    return this.#stateCounts.get(state)!.get_label();
  }

  /** A host's health as its row shows it (for specs). */
  healthOf(host: string): HostHealth | null {
    for (const [row, h] of this.#rowHosts) {
      if (h !== host) continue;
      const icon = this.#hostIcons.get(row)!;
      if (icon.get_opacity() === 0) return 'unknown';
      return icon.get_icon_name() === 'dialog-warning-symbolic' ? 'failing' : 'working';
    }
    return null;
  }

  hosts(): string[] {
    return [...this.#rowHosts.values()].filter((h): h is string => h !== null);
  }

  #showHealth(row: Gtk.ListBoxRow, info: HostCount): void {
    const icon = this.#hostIcons.get(row)!;
    const health = info.health ?? 'unknown';
    icon.set_from_icon_name(health === 'failing' ? 'dialog-warning-symbolic' : 'emblem-ok-symbolic');
    icon.set_opacity(health === 'unknown' ? 0 : 1);
    if (health === 'failing') icon.add_css_class('warning');
    else icon.remove_css_class('warning');
    const tooltip =
      health === 'failing'
        ? format(_('%1$s: no announce answered. %2$s'), info.host, info.message ?? '')
        : health === 'working'
          ? format(_('%1$s: answering'), info.host)
          : format(_('%1$s: not contacted yet'), info.host);
    row.set_tooltip_text(tooltip.trim());
  }

  #rebuildTrackers(hosts: (string | null)[]): void {
    this.#rebuilding = true;
    try {
      for (const row of this.#rowHosts.keys()) this._trackers_list.remove(row);
      this.#rowHosts.clear();
      this.#hostCounts.clear();
      this.#hostIcons.clear();
      for (const host of hosts) {
        const { row, count, icon } = countRow(
          host ?? _('All Trackers'),
          host === null ? 'network-server-symbolic' : null,
        );
        this.#hostCounts.set(row, count);
        this.#hostIcons.set(row, icon);
        this.#rowHosts.set(row, host);
        this._trackers_list.append(row);
      }
      // A host that went away falls back to all trackers.
      if (!hosts.includes(this.#selectedHost)) {
        this.#selectedHost = null;
        GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
          this.emit('filter-changed');
          return GLib.SOURCE_REMOVE;
        });
      }
      this.selectHost(this.#selectedHost);
    } finally {
      this.#rebuilding = false;
    }
  }
}

function countRow(text: string, icon: string | null): { row: Gtk.ListBoxRow; count: Gtk.Label; icon: Gtk.Image } {
  const box = new Gtk.Box({ spacing: 12 });
  // Tracker rows show their health where state rows show their icon.
  const image = new Gtk.Image({ icon_name: icon ?? 'emblem-ok-symbolic', opacity: icon ? 1 : 0 });
  box.append(image);
  box.append(new Gtk.Label({ label: text, xalign: 0, hexpand: true, ellipsize: Pango.EllipsizeMode.MIDDLE }));
  const count = new Gtk.Label({ label: '0', xalign: 1 });
  count.add_css_class('dim-label');
  count.add_css_class('numeric');
  count.add_css_class('caption');
  box.append(count);
  const row = new Gtk.ListBoxRow({ child: box });
  row.set_tooltip_text(text);
  return { row, count, icon: image };
}
