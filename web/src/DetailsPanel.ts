import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';

import { call, type Details, type Row } from './api.ts';
import { Icon } from './icons.ts';
import { bytes, peers, percent, rate, ratio, status } from './format.ts';

/** One torrent: figures, limits, trackers, files and log (fetched again when its row changes). */
export function DetailsPanel({
  row,
  onClose,
  onError,
}: {
  row: Row;
  onClose: () => void;
  onError: (m: string) => void;
}) {
  const [details, setDetails] = useState<Details | null>(null);
  const [tab, setTab] = useState<'trackers' | 'files' | 'log'>('trackers');
  useEffect(() => {
    call<Details>('GET', `/torrents/${row.hash}`).then(setDetails, (e: Error) => onError(e.message));
  }, [row.hash, row.status, row.seeders, row.next_update]);
  const setLimit = async (key: 'upload_limit' | 'download_limit', value: string) => {
    const n = Number(value);
    try {
      setDetails(await call<Details>('PATCH', `/torrents/${row.hash}`, { [key]: n }));
    } catch (e) {
      onError((e as Error).message);
    }
  };
  return html`<aside class="details card" aria-label="Torrent details">
    <header>
      <h2 title=${row.name}>${row.name}</h2>
      <button class="flat" aria-label="Close details" onClick=${onClose}><${Icon} name="close" /></button>
    </header>
    <dl class="facts">
      <dt>Status</dt>
      <dd>${status(row.status)}${row.error_message ? ` — ${row.error_message}` : ''}</dd>
      <dt>Size</dt>
      <dd>${bytes(row.size)}</dd>
      <dt>Progress</dt>
      <dd>${percent(row.progress)}</dd>
      <dt>Rates</dt>
      <dd>↑ ${rate(row.upload_rate)} ↓ ${rate(row.download_rate)}</dd>
      <dt>This session</dt>
      <dd>↑ ${bytes(row.session_uploaded)} ↓ ${bytes(row.session_downloaded)}</dd>
      <dt>All time</dt>
      <dd>↑ ${bytes(row.total_uploaded)} ↓ ${bytes(row.total_downloaded)} (ratio ${ratio(row.ratio)})</dd>
      <dt>Peers</dt>
      <dd>${peers(row.seeders)} seeders, ${peers(row.leechers)} leechers</dd>
      <dt>Info hash</dt>
      <dd class="mono">${row.hash}</dd>
    </dl>
    <div class="limits">
      <label
        >Upload limit (KB/s, 0 = none)
        <input
          type="number"
          min="0"
          value=${row.upload_limit}
          onChange=${(e: Event) => setLimit('upload_limit', (e.target as HTMLInputElement).value)}
        />
      </label>
      <label
        >Download limit (KB/s, 0 = none)
        <input
          type="number"
          min="0"
          value=${row.download_limit}
          onChange=${(e: Event) => setLimit('download_limit', (e.target as HTMLInputElement).value)}
        />
      </label>
    </div>
    <nav class="tabs" role="tablist">
      ${(['trackers', 'files', 'log'] as const).map(
        (t) =>
          html`<button
            role="tab"
            aria-selected=${tab === t}
            class=${tab === t ? 'active' : ''}
            onClick=${() => setTab(t)}
          >
            ${t[0].toUpperCase() + t.slice(1)}
          </button>`,
      )}
    </nav>
    ${
      !details
        ? html`<p class="muted">Loading…</p>`
        : tab === 'trackers'
          ? html`<ul class="plain">
              ${details.trackers.map(
                (t) =>
                  html`<li>
                    <span class="mono">${t.url}</span><br /><span class="muted"
                      >tier ${t.tier + 1} · ${t.status} ·
                      ${peers(t.seeders)}/${peers(t.leechers)}${t.message ? ` · ${t.message}` : ''}</span
                    >
                  </li>`,
              )}
            </ul>`
          : tab === 'files'
            ? html`<ul class="plain">
                ${details.files.map((f) => html`<li>${f.path} <span class="muted">${bytes(f.length)}</span></li>`)}
              </ul>`
            : html`<ul class="plain log">
                ${details.log
                  .slice(-100)
                  .reverse()
                  .map(
                    (l) =>
                      html`<li class=${`log-${l.level}`}>
                        <span class="muted">${new Date(l.time * 1000).toLocaleTimeString()}</span> ${l.message}
                      </li>`,
                  )}
              </ul>`
    }
  </aside>`;
}
