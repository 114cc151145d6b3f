import { html } from 'htm/preact';

/** Small line icons drawn inline (no icon font, no emoji font needed on the viewing device). */
const PATHS: Record<string, string> = {
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  play: 'M7 4l13 8-13 8z',
  refresh: 'M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5',
  close: 'M5 5l14 14M19 5L5 19',
  turtle: 'M4 15c0-4 3.5-7 8-7s8 3 8 7zM2 15h20M7 15v3M17 15v3M20 11l2-1',
  plus: 'M12 5v14M5 12h14',
};

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return html`<svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
    <path d=${PATHS[name]} />
  </svg>`;
}
