import { searchMatcher, torrentMatchesState, trackerHost } from '../model/filters.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import type { HostCount, HostHealth, Sidebar } from './Sidebar.ts';
import type { TorrentSource } from './TorrentSource.ts';

/** Host health is worked out over every torrent's trackers; not more often than this. */
const HEALTH_EVERY_US = 5_000_000;

/** One of the list's tests; null lets every torrent through. */
type Test = ((t: Torrent) => boolean) | null;

/**
 * What the list shows: the sidebar's state and tracker, the search, minus the torrents whose
 * removal waits for its Undo toast. The tests are plain JS, run by the list in one pass over
 * its torrents (TorrentRows); a test that lets everything through is left out of the pass.
 */
export class ListFilters {
  /** One of the tests changed: the list filters again. */
  onChanged: () => void = () => {};
  #state: Test = null;
  #host: Test = null;
  #search: Test = null;
  readonly #hiddenSet = new Set<Torrent>();
  readonly #pending: (() => void)[] = [];
  #searchText = '';
  /** The last health worked out, when, and with how many torrents in error (a change redoes it). */
  #health: { at: number; errors: number; hosts: HostCount[] } | null = null;

  get searchText(): string {
    return this.#searchText;
  }

  /** Whether a torrent passes every test (null: no test, every torrent does). */
  test(): Test {
    const hidden = this.#hiddenSet;
    const tests = [this.#state, this.#host, this.#search].filter((f): f is (t: Torrent) => boolean => f !== null);
    if (hidden.size) tests.push((t) => !hidden.has(t));
    if (tests.length === 0) return null;
    if (tests.length === 1) return tests[0];
    return (t) => tests.every((f) => f(t));
  }

  /** Returns whether the search changed. */
  setSearch(text: string): boolean {
    const q = text.trim().toLowerCase();
    if (q === this.#searchText) return false;
    this.#searchText = q;
    this.#search = q ? searchMatcher(q) : null;
    this.onChanged();
    return true;
  }

  setSidebar(sidebar: Sidebar, source: TorrentSource | null): void {
    const state = sidebar.selectedState;
    const host = sidebar.selectedHost;
    this.#state = state === 'all' ? null : (t) => torrentMatchesState(t, state);
    this.#host = host === null || !source ? null : (t) => source.trackerHosts(t).includes(host);
    this.onChanged();
  }

  /** Whether a state filter is on: states move on their own, so the list re-filters now and then. */
  get followsState(): boolean {
    return this.#state !== null;
  }

  /** Takes torrents out of the list until `unhide`; `finish` runs if the window goes first. */
  hide(torrents: Torrent[], finish: () => void): void {
    for (const t of torrents) this.#hiddenSet.add(t);
    this.#pending.push(finish);
    this.onChanged();
  }

  unhide(torrents: Torrent[], refilter = true): void {
    for (const t of torrents) this.#hiddenSet.delete(t);
    if (refilter || this.#hiddenSet.size === 0) this.onChanged();
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
