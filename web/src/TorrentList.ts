import { html } from 'htm/preact';

import type { Row } from './api.ts';
import { Icon } from './icons.ts';
import { bytes, peers, percent, rate, ratio, status } from './format.ts';

export type Command = 'pause' | 'resume' | 'announce' | 'remove';

interface Props {
  rows: Row[];
  selected: string | null;
  onSelect: (hash: string) => void;
  onCommand: (command: Command, row: Row) => void;
}

/** The torrents: a table on a wide screen, one card per torrent on a phone (CSS decides). */
export function TorrentList({ rows, selected, onSelect, onCommand }: Props) {
  if (rows.length === 0)
    return html`<p class="empty">
      No torrents here. Add a .torrent file with the Add button or drop one on the page.
    </p>`;
  return html`<div class="list" role="table" aria-label="Torrents">
    <div class="row head" role="row">
      <span role="columnheader">Name</span>
      <span role="columnheader">Status</span>
      <span role="columnheader">Progress</span>
      <span role="columnheader" class="num">Up</span>
      <span role="columnheader" class="num c-down">Down</span>
      <span role="columnheader" class="num">Uploaded</span>
      <span role="columnheader" class="num c-ratio">Ratio</span>
      <span role="columnheader" class="num">Peers</span>
      <span role="columnheader"></span>
    </div>
    ${rows.map(
      (r) =>
        html`<div
          key=${r.hash}
          role="row"
          class=${`row torrent status-${r.status}${selected === r.hash ? ' selected' : ''}`}
          data-hash=${r.hash}
          onClick=${() => onSelect(r.hash)}
        >
          <span role="cell" class="name" title=${r.name}>${r.name}</span>
          <span role="cell" class="status" data-label="Status">${status(r.status)}</span>
          <span role="cell" class="progress" data-label="Progress">
            <span class="meter"><span class="fill" style=${{ width: `${Math.round(r.progress * 100)}%` }}></span></span>
            ${percent(r.progress)}
          </span>
          <span role="cell" class="num up" data-label="Up">${rate(r.upload_rate)}</span>
          <span role="cell" class="num down c-down" data-label="Down">${rate(r.download_rate)}</span>
          <span role="cell" class="num uploaded" data-label="Uploaded" data-bytes=${r.session_uploaded}
            >${bytes(r.session_uploaded)}</span
          >
          <span role="cell" class="num c-ratio" data-label="Ratio">${ratio(r.ratio)}</span>
          <span role="cell" class="num" data-label="Peers">${peers(r.seeders)} / ${peers(r.leechers)}</span>
          <span role="cell" class="actions" onClick=${(e: Event) => e.stopPropagation()}>
            ${
              r.active
                ? html`<button
                    class="pause"
                    title="Pause"
                    aria-label=${`Pause ${r.name}`}
                    onClick=${() => onCommand('pause', r)}
                  >
                    <${Icon} name="pause" />
                  </button>`
                : html`<button
                    class="resume"
                    title="Resume"
                    aria-label=${`Resume ${r.name}`}
                    onClick=${() => onCommand('resume', r)}
                  >
                    <${Icon} name="play" />
                  </button>`
            }
            <button
              class="announce"
              title="Announce now"
              aria-label=${`Announce ${r.name} now`}
              onClick=${() => onCommand('announce', r)}
            >
              <${Icon} name="refresh" />
            </button>
            <button
              class="remove danger"
              title="Remove"
              aria-label=${`Remove ${r.name}`}
              onClick=${() => onCommand('remove', r)}
            >
              <${Icon} name="close" />
            </button>
          </span>
        </div>`,
    )}
  </div>`;
}
