import Gtk from 'gi://Gtk?version=4.0';

import { _, format } from '../lib/i18n.ts';
import { formatAge, formatCount, formatTime } from './format.ts';
import type { TrackerView } from './TorrentSource.ts';

/**
 * The Trackers tab's scrape columns: completed downloads, where and how long ago the figures
 * came (the freshest of announce and scrape), and the last scrape.
 */
export function scrapeColumns(tr: TrackerView): Record<string, string | number> {
  const from = tr.countsFrom === 'scrape' ? _('scrape') : tr.countsFrom === 'announce' ? _('announce') : '';
  return {
    completed: formatCount(tr.downloaded),
    'completed:sort': tr.downloaded,
    counts: tr.countsAt ? format(_('%1$s, %2$s'), from, formatAge(tr.countsAt)) : '—',
    'counts:sort': tr.countsAt ?? 0,
    scraped: !tr.canScrape ? _('Not supported') : tr.lastScrape ? formatTime(tr.lastScrape) : '—',
    'scraped:sort': tr.lastScrape ?? 0,
  };
}

/** The Trackers tab's content under a "Scrape Now" button (the selection's `torrent.scrape-now`). */
export function withScrapeButton(content: Gtk.Widget): Gtk.Widget {
  const box = new Gtk.Box({ orientation: Gtk.Orientation.VERTICAL });
  const bar = new Gtk.Box({ spacing: 6, margin_start: 6, margin_end: 6, margin_top: 6, margin_bottom: 6 });
  const button = new Gtk.Button({
    label: _('_Scrape Now'),
    use_underline: true,
    action_name: 'torrent.scrape-now',
    tooltip_text: _('Ask the trackers for seeders, leechers and completed downloads now'),
    halign: Gtk.Align.START,
  });
  bar.append(button);
  content.set_vexpand(true);
  box.append(bar);
  box.append(content);
  return box;
}
