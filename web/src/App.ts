import { html } from 'htm/preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import { call, currentSession, type Row, setCsrf, upload } from './api.ts';
import { DetailsPanel } from './DetailsPanel.ts';
import { bytes, rate } from './format.ts';
import { Icon } from './icons.ts';
import { useLive } from './live.ts';
import { Login } from './Login.ts';
import { SpeedGraph } from './SpeedGraph.ts';
import { type Command, TorrentList } from './TorrentList.ts';

const FILTERS = [
  ['all', 'All'],
  ['downloading', 'Downloading'],
  ['seeding', 'Seeding'],
  ['active', 'Active'],
  ['paused', 'Paused'],
  ['error', 'Error'],
] as const;
type Filter = (typeof FILTERS)[number][0];

function matches(r: Row, filter: Filter, words: string[]): boolean {
  const state =
    filter === 'all' ||
    (filter === 'downloading' && r.status === 'downloading') ||
    (filter === 'seeding' && r.status === 'seeding') ||
    (filter === 'active' &&
      (r.status === 'downloading' || r.status === 'seeding') &&
      (r.upload_rate > 0 || r.download_rate > 0)) ||
    (filter === 'paused' && (r.status === 'paused' || r.status === 'stopped')) ||
    (filter === 'error' && r.status === 'error');
  if (!state) return false;
  const hay = `${r.name}\n${r.label}\n${r.hash}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** The whole page: login, then the list with its filters, details, graph and commands. */
export function App() {
  const [auth, setAuth] = useState<'unknown' | 'in' | 'out'>('unknown');
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [toast, setToast] = useState<{ text: string; error: boolean } | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const recheck = () =>
    currentSession().then((csrf) => {
      if (csrf) setCsrf(csrf);
      setAuth(csrf ? 'in' : 'out');
    });
  useEffect(() => void recheck(), []);
  const live = useLive(auth === 'in', () => void recheck());

  const say = (text: string, error = false) => {
    setToast({ text, error });
    setTimeout(() => setToast((t) => (t?.text === text ? null : t)), 5000);
  };

  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const rows = useMemo(
    () => [...live.rows.values()].filter((r) => matches(r, filter, words)).sort((a, b) => a.id - b.id),
    [live.version, filter, search],
  );

  if (auth === 'unknown') return html`<main class="login"><p class="muted">Loading…</p></main>`;
  if (auth === 'out')
    return html`<${Login}
      onLoggedIn=${(csrf: string) => {
        setCsrf(csrf);
        setAuth('in');
      }}
    />`;

  const addFiles = async (files: FileList | File[]) => {
    for (const f of Array.from(files)) {
      try {
        const row = await upload(f);
        say(`Added “${row.name}”.`);
      } catch (e) {
        say(`${f.name}: ${(e as Error).message}`, true);
      }
    }
  };
  const command = async (c: Command, r: Row) => {
    if (c === 'remove' && !confirm(`Remove “${r.name}” from the list? Its trackers are told it stopped.`)) return;
    try {
      if (c === 'remove') await call('DELETE', `/torrents/${r.hash}`);
      else await call('POST', `/torrents/${r.hash}/${c}`);
      if (c === 'remove' && selected === r.hash) setSelected(null);
    } catch (e) {
      say((e as Error).message, true);
    }
  };
  const logout = async () => {
    await call('POST', '/logout').catch(() => undefined);
    setCsrf('');
    setAuth('out');
  };
  const toggleAlt = async () => {
    try {
      await call('PATCH', '/settings', { 'speed.enable_alternative_speeds': !live.stats?.alternative_speeds });
    } catch (e) {
      say((e as Error).message, true);
    }
  };

  const stats = live.stats;
  const current = selected ? live.rows.get(selected) : undefined;
  return html`<div
    class=${`shell${dragging ? ' dragging' : ''}`}
    onDragOver=${(e: DragEvent) => {
      e.preventDefault();
      setDragging(true);
    }}
    onDragLeave=${() => setDragging(false)}
    onDrop=${(e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      if (e.dataTransfer?.files.length) void addFiles(e.dataTransfer.files);
    }}
  >
    <header class="bar">
      <img src="icon.svg" alt="" width="28" height="28" />
      <h1>D' Fake Seeder</h1>
      <span class=${`dot ${live.connected ? 'on' : 'off'}`} title=${live.connected ? 'Live' : 'Reconnecting…'}></span>
      <div class="totals" aria-label="Totals">
        <span class="up" id="global-up">↑ ${rate(stats?.upload_rate ?? 0)}</span>
        <span class="down" id="global-down">↓ ${rate(stats?.download_rate ?? 0)}</span>
        <span class="muted wide-only"
          >session ↑ ${bytes(stats?.session_uploaded ?? 0)} ↓ ${bytes(stats?.session_downloaded ?? 0)}</span
        >
      </div>
      <button
        class=${stats?.alternative_speeds ? 'toggle on' : 'toggle'}
        onClick=${toggleAlt}
        title="Alternative speed limits"
        aria-label="Alternative speed limits"
        aria-pressed=${!!stats?.alternative_speeds}
      >
        <${Icon} name="turtle" />
      </button>
      <button class="primary" id="add" onClick=${() => fileInput.current?.click()}>Add</button>
      <input
        ref=${fileInput}
        id="file"
        type="file"
        accept=".torrent,application/x-bittorrent"
        multiple
        hidden
        onChange=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          if (input.files) void addFiles(input.files).then(() => (input.value = ''));
        }}
      />
      <button class="flat" id="logout" onClick=${logout}>Log out</button>
    </header>
    <nav class="filters" aria-label="Filters">
      ${FILTERS.map(
        ([id, label]) =>
          html`<button class=${filter === id ? 'chip active' : 'chip'} data-filter=${id} onClick=${() => setFilter(id)}>
            ${label} <span class="count">${stats?.counts?.[id] ?? 0}</span>
          </button>`,
      )}
      <input
        type="search"
        placeholder="Search"
        aria-label="Search"
        value=${search}
        onInput=${(e: Event) => setSearch((e.target as HTMLInputElement).value)}
      />
    </nav>
    <div class="content">
      <section class="main">
        <${TorrentList} rows=${rows} selected=${selected} onSelect=${setSelected} onCommand=${command} />
        <${SpeedGraph} samples=${live.history} />
      </section>
      ${current && html`<${DetailsPanel} row=${current} onClose=${() => setSelected(null)} onError=${(m: string) => say(m, true)} />`}
    </div>
    ${toast && html`<div class=${toast.error ? 'toast error' : 'toast'} role="status">${toast.text}</div>`}
    ${dragging && html`<div class="drop">Drop .torrent files to add them</div>`}
  </div>`;
}
