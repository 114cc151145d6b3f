import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../lib/promisify.ts';
import { _ } from '../../lib/i18n.ts';
import { splitUrl } from './announceUrl.ts';
import { type AddressFamily, TrackerError } from './types.ts';

/** The families one tracker URL is announced over; null: whichever its name gives (one announce). */
export type UrlFamilies = (AddressFamily | null)[];

export function familyOf(address: Gio.InetAddress): AddressFamily {
  return address.get_family() === Gio.SocketFamily.IPV6 ? 'ipv6' : 'ipv4';
}

/** The tracker's name gave no address of the family this announce is for. */
export function noAddressError(family: AddressFamily): TrackerError {
  return new TrackerError(
    'network',
    family === 'ipv6' ? _('The tracker has no IPv6 address.') : _('The tracker has no IPv4 address.'),
  );
}

/** Keeps the addresses of `family` (all when null); a TrackerError in words when none is left. */
export function ofFamily(addresses: Gio.InetAddress[], family: AddressFamily | null): Gio.InetAddress[] {
  if (!family) return addresses;
  const kept = addresses.filter((a) => familyOf(a) === family);
  if (kept.length === 0) throw noAddressError(family);
  return kept;
}

/**
 * Whether this computer has a route to `address`: connecting a UDP socket sends nothing, and
 * fails at once without one (an IPv6 tracker on a machine with IPv4 only). libtorrent announces
 * over a family only where it has a listen socket of that family.
 */
function routable(address: Gio.InetAddress, port: number): boolean {
  let socket: Gio.Socket | null = null;
  try {
    socket = Gio.Socket.new(address.get_family(), Gio.SocketType.DATAGRAM, Gio.SocketProtocol.UDP);
    socket.connect(new Gio.InetSocketAddress({ address, port }), null);
    return true;
  } catch {
    return false;
  } finally {
    socket?.close();
  }
}

/**
 * The families to announce to `url` over, for identities that announce once per family: an
 * address literal's own; a name's, from its addresses that this computer can reach. A name that
 * does not resolve now, an `https://` name (libsoup chooses the address itself) and anything
 * unreadable get one announce over any family, which reports its own error if there is one.
 */
export function familiesOf(url: string): Promise<UrlFamilies> {
  const u = splitUrl(url);
  if (!u) return Promise.resolve([null]);
  const literal = Gio.InetAddress.new_from_string(u.host);
  if (literal) return Promise.resolve([familyOf(literal)]);
  if (u.scheme === 'https') return Promise.resolve([null]);
  // A thousand torrents on one tracker ask once: each name's answer is kept a minute.
  const key = `${u.host.toLowerCase()} ${u.port}`;
  const now = GLib.get_monotonic_time();
  const known = looked.get(key);
  if (known && now - known.atUs < LOOKUP_CACHE_US) return known.families;
  if (looked.size > 1024) looked.clear();
  // Shared, so not cancelled by one torrent's pause (the caller stops waiting instead).
  const families = lookUp(u.host, u.port === -1 ? 80 : u.port);
  looked.set(key, { atUs: now, families });
  // A failed lookup is not kept: the next announce asks again.
  families.then((f) => f[0] === null && looked.delete(key));
  return families;
}

const LOOKUP_CACHE_US = 60 * 1e6;
const looked = new Map<string, { atUs: number; families: Promise<UrlFamilies> }>();

async function lookUp(host: string, port: number): Promise<UrlFamilies> {
  let addresses: Gio.InetAddress[];
  try {
    addresses = (await Gio.Resolver.get_default().lookup_by_name_async(host, null)) as Gio.InetAddress[];
  } catch {
    return [null];
  }
  const found = new Set<AddressFamily>();
  for (const address of addresses.slice(0, 32)) {
    const family = familyOf(address);
    if (!found.has(family) && routable(address, port)) found.add(family);
  }
  // IPv4 first, as libtorrent lists its listen sockets.
  return found.size ? (['ipv4', 'ipv6'] as const).filter((f) => found.has(f)) : [null];
}
