import Gtk from 'gi://Gtk?version=4.0';

import { searchMatcher, torrentMatchesState, trackerHost } from '../model/filters.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import type { HostCount, HostHealth, Sidebar } from './Sidebar.ts';
import type { TorrentSource } from './TorrentSource.ts';

/** Host health is worked out over every torrent's trackers; not more often than this. */
const HEALTH_EVERY_US = 5_000_000;

/**
 * What the list shows: the sidebar's state and tracker, the search, minus the torrents whose
 * removal waits for its Undo toast. Each filter has no function while it lets everything
 * through, so the filter model skips it instead of calling into JS for every torrent.
 */
export class ListFilters {
  readonly filter = new Gtk.EveryFilter();
  readonly #state = Gtk.CustomFilter.new(null);
  readonly #host = Gtk.CustomFilter.new(null);
  readonly #search = Gtk.CustomFilter.new(null);
  readonly #hidden = Gtk.CustomFilter.new(null);
  readonly #hiddenSet = new Set<Torrent>();
  readonly #pending: (() => void)[] = [];
  #searchText = '';
  /** The last health worked out, when, and with how many torrents in error (a change redoes it). */
  #health: { at: number; errors: number; hosts: HostCount[] } | null = null;

  constructor() {
    for (const f of [this.#state, this.#host, this.#search, this.#hidden]) this.filter.append(f);
  }

  get searchText(): string {
    return this.#searchText;
  }

  /** Returns whether the search changed. */
  setSearch(text: string): boolean {
    const q = text.trim().toLowerCase();
    if (q === this.#searchText) return false;
    this.#searchText = q;
    // set_filter_func re-filters by itself.
    const matches = searchMatcher(q);
    this.#search.set_filter_func(q ? (t) => matches(t as Torrent) : null);
    return true;
  }

  setSidebar(sidebar: Sidebar, source: TorrentSource | null): void {
    const state = sidebar.selectedState;
    const host = sidebar.selectedHost;
    this.#state.set_filter_func(state === 'all' ? null : (t) => torrentMatchesState(t as Torrent, state));
    this.#host.set_filter_func(
      host === null || !source ? null : (t) => source.trackerHosts(t as Torrent).includes(host),
    );
  }

  /** States move on their own; the state filter is re-applied now and then. */
  refreshState(sidebar: Sidebar): void {
    if (sidebar.selectedState !== 'all') this.#state.changed(Gtk.FilterChange.DIFFERENT);
  }

  /** Takes torrents out of the list until `unhide`; `finish` runs if the window goes first. */
  hide(torrents: Torrent[], finish: () => void): void {
    for (const t of torrents) this.#hiddenSet.add(t);
    this.#pending.push(finish);
    this.#hidden.set_filter_func((t) => !this.#hiddenSet.has(t as Torrent));
  }

  unhide(torrents: Torrent[], refilter = true): void {
    for (const t of torrents) this.#hiddenSet.delete(t);
    if (refilter || this.#hiddenSet.size === 0)
      this.#hidden.set_filter_func(this.#hiddenSet.size ? (t) => !this.#hiddenSet.has(t as Torrent) : null);
  }

  /** The window goes: every removal waiting for its toast happens now. */
  finishRemovals(): void {
    for (const finish of this.#pending.splice(0)) finish();
  }

  /**
   * Each tracker host with its torrent count and health: working when one of its trackers
   * answered, failing when none answered and one said why, unknown before any answer.
   */
  hostHealth(source: TorrentSource, errors: number): HostCount[] {
    const counts = source.trackerHostCounts();
    const now = Date.now() * 1000;
    const h0 = this.#health;
    if (!h0 || now - h0.at > HEALTH_EVERY_US || h0.hosts.length !== counts.length || h0.errors !== errors) {
      const seen = new Map<string, { working: boolean; failing: boolean; message: string }>();
      const list = source.torrents;
      for (let i = 0; i < list.get_n_items(); i++) {
        for (const tr of source.trackers(list.get_item(i) as Torrent)) {
          const host = trackerHost(tr.url);
          const h = seen.get(host) ?? { working: false, failing: false, message: '' };
          // A reply is not an answer: a failure reason or a refused connection leaves it failing.
          if (tr.working) h.working = true;
          else if (tr.message) {
            h.failing = true;
            h.message = tr.message || h.message;
          }
          seen.set(host, h);
        }
      }
      const health = (host: string): { health: HostHealth; message: string } => {
        const h = seen.get(host);
        if (!h) return { health: 'unknown', message: '' };
        return { health: h.working ? 'working' : h.failing ? 'failing' : 'unknown', message: h.message };
      };
      this.#health = { at: now, errors, hosts: counts.map((c) => ({ ...c, ...health(c.host) })) };
      return this.#health.hosts;
    }
    const known = new Map(h0.hosts.map((h) => [h.host, h]));
    return counts.map((c) => ({ ...known.get(c.host), ...c }));
  }

  /** The reason given by one torrent in error, for the failure banner. */
  lastFailure(source: TorrentSource): string {
    const list = source.torrents;
    for (let i = 0; i < list.get_n_items(); i++) {
      const t = list.get_item(i) as Torrent;
      if (torrentMatchesState(t, 'error')) return t.error_message || t.tracker_message || '';
    }
    return '';
  }
}
