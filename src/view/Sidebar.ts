import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';
import Pango from 'gi://Pango';

import { _ } from '../lib/i18n.ts';
import { TORRENT_STATES, type TorrentState } from './TorrentSource.ts';

const STATE_LABELS: Record<TorrentState, () => string> = {
  all: () => _('All'),
  downloading: () => _('Downloading'),
  seeding: () => _('Seeding'),
  active: () => _('Active'),
  paused: () => _('Paused'),
  error: () => _('Error'),
};

const STATE_ICONS: Record<TorrentState, string> = {
  all: 'view-list-symbolic',
  downloading: 'folder-download-symbolic',
  seeding: 'send-to-symbolic',
  active: 'network-transmit-receive-symbolic',
  paused: 'media-playback-pause-symbolic',
  error: 'dialog-warning-symbolic',
};

/**
 * The sidebar: torrent states and tracker hosts, each with a live count. One state and one
 * tracker are selected at a time; the list shows torrents matching both (and the search).
 */
export class Sidebar extends Gtk.ScrolledWindow {
  static {
    GObject.registerClass({ GTypeName: 'DfsSidebar' }, this);
  }

  /** Called when the selected state or tracker changes. */
  onChanged: () => void = () => {};
  readonly statesList: Gtk.ListBox;
  readonly trackersList: Gtk.ListBox;
  readonly #stateCounts = new Map<TorrentState, Gtk.Label>();
  readonly #stateRows = new Map<TorrentState, Gtk.ListBoxRow>();
  /** Host per tracker row; null is "All Trackers". */
  readonly #rowHosts = new Map<Gtk.ListBoxRow, string | null>();
  readonly #hostCounts = new Map<Gtk.ListBoxRow, Gtk.Label>();
  #selectedState: TorrentState = 'all';
  #selectedHost: string | null = null;
  #rebuilding = false;

  constructor() {
    super({ hscrollbar_policy: Gtk.PolicyType.NEVER, vexpand: true });
    this.add_css_class('dfs-sidebar');
    const box = new Gtk.Box({ orientation: Gtk.Orientation.VERTICAL });

    box.append(heading(_('Status')));
    this.statesList = new Gtk.ListBox({ selection_mode: Gtk.SelectionMode.BROWSE });
    this.statesList.add_css_class('navigation-sidebar');
    for (const state of TORRENT_STATES) {
      const { row, count } = countRow(STATE_LABELS[state](), STATE_ICONS[state]);
      this.#stateCounts.set(state, count);
      this.#stateRows.set(state, row);
      this.statesList.append(row);
    }
    this.statesList.select_row(this.#stateRows.get('all')!);
    this.statesList.connect('row-selected', (_l, row: Gtk.ListBoxRow | null) => {
      if (!row) return;
      for (const [state, r] of this.#stateRows) if (r === row) this.#selectedState = state;
      this.onChanged();
    });
    box.append(this.statesList);

    box.append(heading(_('Trackers')));
    this.trackersList = new Gtk.ListBox({ selection_mode: Gtk.SelectionMode.BROWSE });
    this.trackersList.add_css_class('navigation-sidebar');
    this.trackersList.connect('row-selected', (_l, row: Gtk.ListBoxRow | null) => {
      if (this.#rebuilding || !row) return;
      this.#selectedHost = this.#rowHosts.get(row) ?? null;
      this.onChanged();
    });
    box.append(this.trackersList);
    this.set_child(box);
    this.update(Object.fromEntries(TORRENT_STATES.map((s) => [s, 0])) as Record<TorrentState, number>, []);
  }

  get selectedState(): TorrentState {
    return this.#selectedState;
  }

  /** null means every tracker. */
  get selectedHost(): string | null {
    return this.#selectedHost;
  }

  selectState(state: TorrentState): void {
    this.statesList.select_row(this.#stateRows.get(state)!);
  }

  selectHost(host: string | null): void {
    for (const [row, h] of this.#rowHosts) if (h === host) this.trackersList.select_row(row);
  }

  /** Shows new counts; the tracker rows are rebuilt only when the set of hosts changed. */
  update(counts: Record<TorrentState, number>, hosts: { host: string; count: number }[]): void {
    for (const [state, label] of this.#stateCounts) label.set_label(String(counts[state] ?? 0));
    const sorted = [...hosts].sort((a, b) => b.count - a.count || a.host.localeCompare(b.host));
    const wanted = [null, ...sorted.map((h) => h.host)];
    const current = [...this.#rowHosts.values()];
    if (wanted.join('\n') !== current.join('\n')) this.#rebuildTrackers(wanted);
    const total = counts.all ?? 0;
    for (const [row, host] of this.#rowHosts) {
      const n = host === null ? total : (sorted.find((h) => h.host === host)?.count ?? 0);
      this.#hostCounts.get(row)?.set_label(String(n));
    }
  }

  /** The label of a state's count (for specs). */
  countOf(state: TorrentState): string {
    return this.#stateCounts.get(state)!.get_label();
  }

  hosts(): string[] {
    return [...this.#rowHosts.values()].filter((h): h is string => h !== null);
  }

  #rebuildTrackers(hosts: (string | null)[]): void {
    this.#rebuilding = true;
    try {
      for (const row of this.#rowHosts.keys()) this.trackersList.remove(row);
      this.#rowHosts.clear();
      this.#hostCounts.clear();
      for (const host of hosts) {
        const { row, count } = countRow(host ?? _('All Trackers'), host === null ? 'network-server-symbolic' : null);
        this.#hostCounts.set(row, count);
        this.#rowHosts.set(row, host);
        this.trackersList.append(row);
      }
      // A host that went away falls back to all trackers.
      if (!hosts.includes(this.#selectedHost)) {
        this.#selectedHost = null;
        GLibIdle(() => this.onChanged());
      }
      this.selectHost(this.#selectedHost);
    } finally {
      this.#rebuilding = false;
    }
  }
}

function GLibIdle(fn: () => void): void {
  Promise.resolve().then(fn);
}

function heading(text: string): Gtk.Label {
  const label = new Gtk.Label({ label: text, xalign: 0 });
  label.add_css_class('heading');
  label.add_css_class('dim-label');
  label.add_css_class('dfs-sidebar-heading');
  return label;
}

function countRow(text: string, icon: string | null): { row: Gtk.ListBoxRow; count: Gtk.Label } {
  const box = new Gtk.Box({ spacing: 12 });
  if (icon) box.append(new Gtk.Image({ icon_name: icon }));
  else box.append(new Gtk.Image({ icon_name: 'network-server-symbolic', opacity: 0 }));
  box.append(new Gtk.Label({ label: text, xalign: 0, hexpand: true, ellipsize: Pango.EllipsizeMode.MIDDLE }));
  const count = new Gtk.Label({ label: '0', xalign: 1 });
  count.add_css_class('dim-label');
  count.add_css_class('numeric');
  count.add_css_class('caption');
  box.append(count);
  const row = new Gtk.ListBoxRow({ child: box });
  row.set_tooltip_text(text);
  return { row, count };
}
