import type { Torrent } from './torrent/Torrent.ts';

/**
 * Predicates for the sidebar's filters and the search box. The model holds no Gtk: the view
 * wraps these in Gtk.CustomFilter / Gtk.FilterListModel, and the counts use the same ones, so a
 * count always matches what a click on its row shows.
 */
export type StateFilter = 'all' | 'downloading' | 'seeding' | 'active' | 'paused' | 'error';

export const STATE_FILTERS: readonly StateFilter[] = ['all', 'downloading', 'seeding', 'active', 'paused', 'error'];

export function torrentMatchesState(
  torrent: Pick<Torrent, 'status' | 'upload_rate' | 'download_rate'>,
  state: StateFilter,
): boolean {
  switch (state) {
    case 'all':
      return true;
    case 'downloading':
      return torrent.status === 'downloading';
    case 'seeding':
      return torrent.status === 'seeding';
    case 'active':
      return (
        (torrent.status === 'downloading' || torrent.status === 'seeding') &&
        (torrent.upload_rate > 0 || torrent.download_rate > 0)
      );
    case 'paused':
      return torrent.status === 'paused' || torrent.status === 'stopped';
    case 'error':
      return torrent.status === 'tracker-error';
  }
}

/** Host name of a tracker URL (lowercase, without port), or '' if it has none. */
export function trackerHost(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^:/?#]+)/i.exec(url.trim());
  return m ? m[1].toLowerCase() : '';
}

/** Distinct hosts of a tier list, in tier order. */
export function trackerHostsOf(tiers: string[][]): string[] {
  const hosts: string[] = [];
  for (const tier of tiers)
    for (const url of tier) {
      const h = trackerHost(url);
      if (h && !hosts.includes(h)) hosts.push(h);
    }
  return hosts;
}

/**
 * The search box: every word must occur in the name, the label or the info hash
 * (case-insensitive), so "ubuntu iso" finds "ubuntu-24.04-desktop.iso".
 */
export function torrentMatchesSearch(torrent: Pick<Torrent, 'name' | 'label' | 'info_hash'>, text: string): boolean {
  return searchMatcher(text)(torrent);
}

/**
 * The same test with the words split once: a list filter runs it on every torrent for each
 * keystroke (10 000 of them in bench/ui-rows.sh). Each field is read and lowered only when an
 * earlier one did not already hold every word.
 */
export function searchMatcher(text: string): (torrent: Pick<Torrent, 'name' | 'label' | 'info_hash'>) => boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return () => true;
  if (words.length === 1) {
    const [w] = words;
    return (t) =>
      t.name.toLowerCase().includes(w) || t.label.toLowerCase().includes(w) || t.info_hash.toLowerCase().includes(w);
  }
  return (t) => {
    const haystack = `${t.name}\n${t.label}\n${t.info_hash}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  };
}
