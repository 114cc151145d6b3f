import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../lib/promisify.ts';
import { errorMessage } from '../../lib/errors.ts';
import { _ } from '../../lib/i18n.ts';
import { cancelledError } from './deadline.ts';
import { TrackerError } from './types.ts';
import { offCancelled, onCancelled } from '../../lib/cancellation.ts';

/** Names resolved for a plain request are reused this long (a farewell burst asks once per host). */
const RESOLVE_CACHE_US = 60 * 1e6;

/** Tracker names looked up for PlainHttpClient, each lookup shared and kept a minute. */
export class ResolvedNames {
  readonly #addresses = new Map<string, { atUs: number; list: Promise<Gio.InetAddress[]> }>();

  /**
   * The addresses of `host`; rejects with TrackerError('network') when it does not resolve,
   * 'timeout' after `timeoutSeconds`, CANCELLED when `cancellable` fires.
   */
  async lookup(host: string, cancellable: Gio.Cancellable | null, timeoutSeconds: number): Promise<Gio.InetAddress[]> {
    const now = GLib.get_monotonic_time();
    let cached = this.#addresses.get(host);
    if (!cached || now - cached.atUs > RESOLVE_CACHE_US) {
      cached = {
        atUs: now,
        list: Gio.Resolver.get_default().lookup_by_name_async(host, null) as Promise<Gio.InetAddress[]>,
      };
      this.#addresses.set(host, cached);
      cached.list.catch(() => this.#addresses.delete(host));
    }
    // The lookup is shared, so it is not cancelled; this request stops waiting for it instead.
    let handler = 0;
    let timer = 0;
    try {
      return await new Promise<Gio.InetAddress[]>((resolve, reject) => {
        cached.list.then(resolve, (e: unknown) => reject(new TrackerError('network', errorMessage(e))));
        if (cancellable) handler = onCancelled(cancellable, () => reject(cancelledError()));
        timer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, Math.max(1, Math.round(timeoutSeconds * 1000)), () => {
          timer = 0;
          reject(timeoutError(timeoutSeconds));
          return GLib.SOURCE_REMOVE;
        });
      });
    } finally {
      if (cancellable) offCancelled(cancellable, handler);
      if (timer) GLib.source_remove(timer);
    }
  }
}

export function timeoutError(seconds: number): TrackerError {
  return new TrackerError('timeout', _('The tracker did not answer within %d seconds.').replace('%d', String(seconds)));
}
