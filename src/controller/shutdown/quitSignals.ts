import GLib from 'gi://GLib';

// POSIX numbers; GLib.unix_signal_add accepts SIGHUP, SIGINT, SIGTERM, SIGUSR1 and SIGUSR2.
const SIGNALS: [number, string][] = [
  [2, 'SIGINT'],
  [15, 'SIGTERM'],
];

/**
 * Turns SIGINT and SIGTERM into quit requests, on the main loop (GLib dispatches them as a
 * source, so the handler may run any code). Returns a function that removes the handlers.
 * High priority: a busy loop (a thousand torrents announcing) must not delay the quit.
 */
export function watchQuitSignals(onSignal: (name: string) => void): () => void {
  const sources = SIGNALS.map(([signal, name]) =>
    GLib.unix_signal_add(GLib.PRIORITY_HIGH, signal, () => {
      onSignal(name);
      return GLib.SOURCE_CONTINUE;
    }),
  );
  return () => {
    for (const id of sources.splice(0)) GLib.source_remove(id);
  };
}
