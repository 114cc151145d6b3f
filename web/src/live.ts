import { useEffect, useState } from 'preact/hooks';

import type { Row, Stats } from './api.ts';

/** One sample of the global rates, for the speed graph. */
export interface Sample {
  up: number;
  down: number;
}

export interface Live {
  rows: Map<string, Row>;
  stats: Stats | null;
  history: Sample[];
  connected: boolean;
  /** Bumped on every event, so components re-render. */
  version: number;
}

const HISTORY = 120;

/**
 * The app's live state from the event stream (`/api/v1/events`): a snapshot first, then only
 * what changed. The browser reconnects by itself if the stream breaks.
 */
export function useLive(enabled: boolean, onUnauthorized: () => void): Live {
  const [live, setLive] = useState<Live>({ rows: new Map(), stats: null, history: [], connected: false, version: 0 });
  useEffect(() => {
    if (!enabled) return undefined;
    const source = new EventSource('/api/v1/events');
    const state: Live = { rows: new Map(), stats: null, history: [], connected: false, version: 0 };
    const publish = () => {
      state.version++;
      setLive({ ...state });
    };
    const withStats = (s: Stats) => {
      state.stats = s;
      state.history = [...state.history, { up: s.upload_rate, down: s.download_rate }].slice(-HISTORY);
    };
    source.addEventListener('open', () => {
      state.connected = true;
      publish();
    });
    source.addEventListener('error', () => {
      state.connected = false;
      publish();
      // A closed stream after logout or a restart: ask whether the session is still there.
      if (source.readyState === EventSource.CLOSED) onUnauthorized();
    });
    source.addEventListener('snapshot', (e) => {
      const data = JSON.parse((e as MessageEvent).data) as { torrents: Row[]; stats: Stats };
      state.rows = new Map(data.torrents.map((r) => [r.hash, r]));
      withStats(data.stats);
      publish();
    });
    source.addEventListener('added', (e) => {
      for (const r of JSON.parse((e as MessageEvent).data) as Row[]) state.rows.set(r.hash, r);
      publish();
    });
    source.addEventListener('removed', (e) => {
      for (const h of JSON.parse((e as MessageEvent).data) as string[]) state.rows.delete(h);
      publish();
    });
    source.addEventListener('torrents', (e) => {
      for (const d of JSON.parse((e as MessageEvent).data) as Partial<Row>[]) {
        const r = state.rows.get(d.hash!);
        if (r) state.rows.set(r.hash, { ...r, ...d });
      }
      publish();
    });
    source.addEventListener('stats', (e) => {
      withStats(JSON.parse((e as MessageEvent).data) as Stats);
      publish();
    });
    return () => source.close();
  }, [enabled]);
  return live;
}
