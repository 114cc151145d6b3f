import GLib from 'gi://GLib';

/**
 * File descriptors left to the rest of the app (settings, library, D-Bus, GTK) while every
 * farewell holds a socket.
 */
export const FD_RESERVE = 256;
/** The farewell cap when the descriptor limit cannot be read, or is very low. */
export const MIN_FAREWELL_CAP = 256;

/**
 * How many `stopped` may be in flight at once at quit: every farewell holds one socket, so the
 * only bound is the process's open-files limit (`ulimit -n`, soft) less a reserve. With the
 * usual desktop limit of 1024 that is 768 at once; with a higher limit, no torrent waits.
 */
export function farewellCapFor(openFilesLimit: number | null): number {
  if (openFilesLimit === null || Number.isNaN(openFilesLimit)) return MIN_FAREWELL_CAP;
  if (openFilesLimit === Infinity) return 65536;
  return Math.max(MIN_FAREWELL_CAP, Math.floor(openFilesLimit) - FD_RESERVE);
}

/** The soft `Max open files` of this process (Linux /proc), or null when unknown or unlimited. */
export function openFilesLimit(): number | null {
  try {
    const [ok, bytes] = GLib.file_get_contents('/proc/self/limits');
    if (!ok) return null;
    const m = /^Max open files\s+(\d+|unlimited)/m.exec(new TextDecoder().decode(bytes));
    if (!m) return null;
    return m[1] === 'unlimited' ? Infinity : Number(m[1]);
  } catch {
    return null;
  }
}
