import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

/**
 * This computer's global (public) addresses, for the identities that tell trackers about them
 * (`ipv4=`/`ipv6=`: Transmission 4 sends them "when the global address is known"). Found as
 * Transmission finds them: the source address the kernel picks to reach a public address, with
 * a connected UDP socket (nothing is sent), kept only if it is global unicast. A machine behind
 * NAT, or with a private or unique-local IPv6 address only, has none: nothing is sent then.
 */
export interface GlobalAddresses {
  ipv4: string | null;
  ipv6: string | null;
}

/** Well-known public hosts, only for the route lookup (Transmission uses its own tracker's). */
const PROBES = { ipv4: '192.0.2.1', ipv6: '2001:4860:4860::8888' };
const CACHE_US = 60 * 1e6;

let cached: { atUs: number; value: GlobalAddresses } | null = null;

function sourceAddress(target: string): Gio.InetAddress | null {
  const address = Gio.InetAddress.new_from_string(target)!;
  let socket: Gio.Socket | null = null;
  try {
    socket = Gio.Socket.new(address.get_family(), Gio.SocketType.DATAGRAM, Gio.SocketProtocol.UDP);
    socket.connect(new Gio.InetSocketAddress({ address, port: 6969 }), null);
    return (socket.get_local_address() as Gio.InetSocketAddress).get_address();
  } catch {
    return null;
  } finally {
    socket?.close();
  }
}

/** Global unicast: not loopback, link-local, private/site-local, CGNAT, ULA, multicast or any. */
export function isGlobalUnicast(address: Gio.InetAddress): boolean {
  if (
    address.get_is_any() ||
    address.get_is_loopback() ||
    address.get_is_link_local() ||
    address.get_is_site_local() ||
    address.get_is_multicast()
  )
    return false;
  const text = address.to_string();
  // 2000::/3: the first byte of the first group (Gio.InetAddress.to_bytes is not introspectable)
  if (address.get_family() === Gio.SocketFamily.IPV6)
    return ((parseInt(text.split(':')[0] || '0', 16) >> 8) & 0xe0) === 0x20;
  // 100.64/10 (carrier NAT), 0/8, 192.0.0/24, 192.0.2/24 and 198.18/15 (reserved, tests), 240/4
  const [a, b, c] = text.split('.').map(Number);
  return !(
    (a === 100 && (b & 0xc0) === 64) ||
    a === 0 ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 198 && (b & 0xfe) === 18) ||
    a >= 240
  );
}

/** The global addresses now (looked up at most once a minute). */
export function systemGlobalAddresses(): GlobalAddresses {
  const now = GLib.get_monotonic_time();
  if (cached && now - cached.atUs < CACHE_US) return cached.value;
  const pick = (target: string) => {
    const a = sourceAddress(target);
    return a && isGlobalUnicast(a) ? a.to_string() : null;
  };
  cached = { atUs: now, value: { ipv4: pick(PROBES.ipv4), ipv6: pick(PROBES.ipv6) } };
  return cached.value;
}
