import { html } from 'htm/preact';

import { rate } from './format.ts';
import type { Sample } from './live.ts';

const W = 600;
const H = 120;

function line(samples: Sample[], pick: (s: Sample) => number, max: number): string {
  if (samples.length === 0) return '';
  const step = W / Math.max(1, samples.length - 1);
  return samples.map((s, i) => `${(i * step).toFixed(1)},${(H - (pick(s) / max) * (H - 8)).toFixed(1)}`).join(' ');
}

/** The global upload and download rates over the last two minutes (one sample per event). */
export function SpeedGraph({ samples }: { samples: Sample[] }) {
  const max = Math.max(1024, ...samples.map((s) => Math.max(s.up, s.down)));
  const last = samples[samples.length - 1] ?? { up: 0, down: 0 };
  return html`<figure class="graph" aria-label="Speed graph">
    <svg viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img">
      <polyline class="graph-up" points=${line(samples, (s) => s.up, max)} />
      <polyline class="graph-down" points=${line(samples, (s) => s.down, max)} />
    </svg>
    <figcaption>
      <span class="up">↑ ${rate(last.up)}</span>
      <span class="down">↓ ${rate(last.down)}</span>
      <span class="muted">scale ${rate(max)}</span>
    </figcaption>
  </figure>`;
}
