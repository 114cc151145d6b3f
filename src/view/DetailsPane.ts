import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { _, format, ngettext } from '../lib/i18n.ts';
import { uiResource } from '../lib/resources.ts';
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
import { FilesView } from './FilesView.ts';
import { recordTable, setRecords } from './recordTable.ts';
import type { SpeedGraph } from './SpeedGraph.ts';
import { StatusTab } from './StatusTab.ts';
import type { TorrentActionActivator } from './torrentActions.ts';
import type { TorrentSource, Unsubscribe } from './TorrentSource.ts';
import { TorrentHistoryTab } from './statistics/TorrentHistoryTab.ts';
import { templateChild } from './template.ts';
import { scrapeColumns, withScrapeButton } from './trackerCounts.ts';

/** The tabs, in order: their stack page names in details-pane.ui (where their titles are). */
export const DETAILS_TABS = ['status', 'details', 'files', 'trackers', 'peers', 'options', 'log', 'history'] as const;

/**
 * The bottom pane: details of the torrent the selection is focused on, in tabs. Figures follow
 * the torrent's notifying properties; trackers, peers and log follow the controller's
 * change notifications; the speed graph draws the model's history of the torrent's speeds, re-read each second.
 */
export class DetailsPane extends Gtk.Stack {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsDetailsPane',
        Template: uiResource('details-pane'),
        InternalChildren: ['tabs', 'summary_scroll', ...DETAILS_TABS.map((name) => `${name}_slot`)],
      },
      this,
    );
  }

  declare _tabs: Gtk.Stack;
  declare _summary_scroll: Gtk.ScrolledWindow;
  readonly graph: SpeedGraph;
  readonly options: OptionsPage;
  readonly history: TorrentHistoryTab;
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
    { key: 'completed', title: _('Completed'), numeric: true },
    { key: 'counts', title: _('Counts From') },
    { key: 'scraped', title: _('Last Scrape') },
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
  readonly files: FilesView;
  readonly summary = infoGrid([
    ['count', _('Selected')],
    ['size', _('Size')],
    ['uploaded', _('Uploaded')],
    ['downloaded', _('Downloaded')],
    ['ratio', _('Ratio')],
    ['upload', _('Upload Speed')],
    ['download', _('Download Speed')],
    ['states', _('Status')],
    ['tracker', _('Common Tracker')],
  ]);

  readonly #source: TorrentSource;
  #torrent: Torrent | null = null;
  #handlers: number[] = [];
  #unsubscribeDetails: Unsubscribe | null = null;
  #selection: Torrent[] = [];
  readonly #placeholders = new Map<string, Gtk.Stack>();

  constructor(source: TorrentSource, activate: TorrentActionActivator) {
    super();
    this.#source = source;
    const statusTab = new StatusTab(this.status.widget);
    this.graph = statusTab.graph;
    this.options = new OptionsPage(source, activate);
    this.files = new FilesView();
    this.history = new TorrentHistoryTab(source.statistics ?? null);
    this.#fill('status', statusTab);
    this.#fill('details', scrolled(this.details.widget));
    this.#fill('files', new Gtk.ScrolledWindow({ child: this.files, vexpand: true }));
    const trackers = this.#withPlaceholder(
      'trackers',
      this.trackersTable.widget,
      _('No Trackers'),
      _('This torrent lists no tracker.'),
    );
    this.#fill('trackers', withScrapeButton(trackers));
    this.#fill(
      'peers',
      this.#withPlaceholder(
        'peers',
        this.peersTable.widget,
        _('No Peers Yet'),
        _('Peers appear here when a tracker returns some in its reply.'),
      ),
    );
    this.#fill('options', this.options);
    this.#fill(
      'log',
      this.#withPlaceholder(
        'log',
        this.logTable.widget,
        _('Nothing Logged Yet'),
        _('Announces and errors appear here.'),
      ),
    );
    this.#fill('history', this.history);
    this.tabs.connect('notify::visible-child-name', () => this.#refreshTables());
    this.summary.widget.add_css_class('dfs-tab-content');
    this._summary_scroll.set_child(this.summary.widget);
    this.set_visible_child_name('none');
  }

  /** The tabs (a stack whose pages are named as in DETAILS_TABS). */
  get tabs(): Gtk.Stack {
    return this._tabs;
  }

  /** What the selection shows: nothing, one torrent's tabs, or a summary of several. */
  setSelection(selected: Torrent[]): void {
    this.#selection = selected;
    if (selected.length > 1) {
      this.setTorrent(null);
      this.set_visible_child_name('summary');
      this.#updateSummary();
    } else {
      this.setTorrent(selected[0] ?? null);
    }
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
    this.history.setTorrent(torrent);
    if (!torrent) return;
    this.#handlers.push(torrent.connect('notify', () => this.#updateFigures()));
    this.#unsubscribeDetails = this.#source.onTorrentDetailsChanged(torrent, () => this.#refreshTables());
    this.#updateFigures();
    this.files.showFiles(torrent, this.#source.files(torrent));
    this.#refreshTables();
    this.graph.setSamples(this.#source.speedHistory(torrent));
  }

  /** Once a second: the figures and the graph of what is selected. */
  tick(): void {
    if (this.#selection.length > 1) this.#updateSummary();
    const t = this.#torrent;
    if (!t) return;
    this.graph.setSamples(this.#source.speedHistory(t));
    this.#updateFigures();
  }

  /** Stops following the model: unbinds every table's rows while JS can still run. */
  teardown(): void {
    this.setTorrent(null);
    this.trackersTable.view.set_model(null);
    this.peersTable.view.set_model(null);
    this.logTable.view.set_model(null);
    this.files.set_model(null);
  }

  /** Forgets a removed torrent. */
  forget(torrent: Torrent): void {
    if (this.#torrent === torrent) this.setTorrent(null);
  }

  /** Puts a tab's widget into its slot in the template. */
  #fill(name: (typeof DETAILS_TABS)[number], child: Gtk.Widget): void {
    child.set_vexpand(true);
    templateChild(this, DetailsPane.$gtype, `${name}_slot`, Gtk.Box).append(child);
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
        // a tracker announced to with each hash (v1, v2) or family (IPv4, IPv6): one row each
        url: tr.lane ? format(_('%1$s (%2$s)'), tr.url, tr.lane) : tr.url,
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
        ...scrapeColumns(tr),
        message: [tr.message, tr.scrapeMessage].filter(Boolean).join(' — '),
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
    s.set('status', statusLine(t));
    s.set('progress', formatPercent(t.progress));
    s.set('ratio', t.ratio.toFixed(3));
    s.set('uploaded', sessionPair(t.session_uploaded, t.total_uploaded));
    s.set('downloaded', sessionPair(t.session_downloaded, t.total_downloaded));
    // Translators: "<current speed> (target <configured speed>)".
    const speed = (rate: number, configured: number) =>
      format(_('%1$s (target %2$s)'), formatRate(rate), formatKbps(configured));
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
      format(_('%1$d × %2$s'), t.piece_count, formatBytes(t.piece_length)),
    );
    d.set('private', formatYesNo(t.private));
    d.set('created', formatDate(t.creation_date) || '—');
    d.set('createdBy', t.created_by || '—');
    d.set('comment', t.comment || '—');
    d.set('label', t.label || '—');
    d.set('priority', formatPriority(t.priority));
    d.set('path', t.filepath);
  }

  #updateSummary(): void {
    const all = this.#selection;
    const sum = (get: (t: Torrent) => number) => all.reduce((n, t) => n + get(t), 0);
    const s = this.summary;
    s.set('count', format(ngettext('%1$d torrent', '%1$d torrents', all.length), all.length));
    s.set('size', formatBytes(sum((t) => t.total_size)));
    s.set(
      'uploaded',
      sessionPair(
        sum((t) => t.session_uploaded),
        sum((t) => t.total_uploaded),
      ),
    );
    s.set(
      'downloaded',
      sessionPair(
        sum((t) => t.session_downloaded),
        sum((t) => t.total_downloaded),
      ),
    );
    // The ratio of them all, as one torrent's: everything uploaded over their total size.
    const size = sum((t) => t.total_size);
    s.set('ratio', (size > 0 ? sum((t) => t.total_uploaded) / size : 0).toFixed(3));
    s.set('upload', formatRate(sum((t) => t.upload_rate)));
    s.set('download', formatRate(sum((t) => t.download_rate)));
    const states = new Map<string, number>();
    for (const t of all) states.set(formatStatus(t.status), (states.get(formatStatus(t.status)) ?? 0) + 1);
    s.set('states', [...states].map(([state, n]) => format(_('%1$d %2$s'), n, state.toLowerCase())).join(', '));
    const common = all
      .slice(1)
      .reduce(
        (hosts, t) => hosts.filter((h) => this.#source.trackerHosts(t).includes(h)),
        this.#source.trackerHosts(all[0]),
      );
    s.set('tracker', common.length ? common.join(', ') : _('None in common'));
  }

  #disconnect(): void {
    for (const id of this.#handlers) this.#torrent?.disconnect(id);
    this.#handlers = [];
    this.#unsubscribeDetails?.();
    this.#unsubscribeDetails = null;
  }
}

/** "<this session> this session (<lifetime> in total)"; a session is the app's run. */
function sessionPair(session: number, total: number): string {
  return format(_('%1$s this session (%2$s in total)'), formatBytes(session), formatBytes(total));
}

/** The status in words, with why when it is stopped or cannot reach any tracker. */
function statusLine(t: Torrent): string {
  const status = formatStatus(t.status);
  if (t.status === 'tracker-error')
    return format(_('%1$s — no tracker answers, so there are no peers and nothing is uploaded or downloaded'), status);
  return t.stop_reason ? `${status} — ${t.stop_reason}` : status;
}

function scrolled(child: Gtk.Widget, pad = true): Gtk.ScrolledWindow {
  if (pad) child.add_css_class('dfs-tab-content');
  return new Gtk.ScrolledWindow({ child, vexpand: true, hscrollbar_policy: Gtk.PolicyType.NEVER });
}
