import Gio from 'gi://Gio';

import '../../lib/promisify.ts';
import { errorMessage, isCancelled } from '../../lib/errors.ts';
import { _, format } from '../../lib/i18n.ts';
import { type SplitUrl, splitUrl } from './announceUrl.ts';
import { TrackerError } from './types.ts';

/**
 * Where a tracker may send the app with an HTTP redirect. A tracker is outside data: left
 * alone it could make the app fetch from the machine's own services, the LAN or a cloud
 * metadata endpoint (169.254.169.254) with every announce, a server-side request forgery.
 */

/** What kind of address a host is. Only `public` is open to any redirect. */
export type AddressKind =
  | 'public'
  | 'private' // 10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7
  | 'loopback' // 127/8, ::1, localhost
  | 'link-local' // 169.254/16, fe80::/10
  | 'metadata' // cloud instance metadata endpoints
  | 'unspecified' // 0.0.0.0/8, ::
  | 'multicast' // 224/4, ff00::/8
  | 'broadcast' // 255.255.255.255
  | 'reserved'; // 240/4 and other never-routed ranges

/** Cloud metadata endpoints by address and name (AWS, GCP, Azure, Oracle, Alibaba, OpenStack). */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200']);
const METADATA_NAMES = /^(metadata|metadata\.google\.internal|instance-data(\.ec2\.internal)?)\.?$/i;

function ipv4Kind(b: number[]): AddressKind {
  const [a, c] = b;
  if (METADATA_ADDRESSES.has(b.join('.'))) return 'metadata';
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 169 && c === 254) return 'link-local';
  if (a === 10 || (a === 172 && c >= 16 && c < 32) || (a === 192 && c === 168) || (a === 100 && c >= 64 && c < 128))
    return 'private';
  if (b.every((x) => x === 255)) return 'broadcast';
  if (a >= 224 && a < 240) return 'multicast';
  if (a >= 240 || (a === 192 && c === 0 && b[2] === 0) || (a === 198 && (c === 18 || c === 19))) return 'reserved';
  return 'public';
}

/** The kind of an IP address. */
export function addressKind(address: Gio.InetAddress): AddressKind {
  const text = address.to_string();
  if (address.get_family() === Gio.SocketFamily.IPV4) return ipv4Kind(text.split('.').map(Number));
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) forms reach the IPv4 address.
  const embedded = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  if (embedded) return ipv4Kind(embedded[1].split('.').map(Number));
  if (METADATA_ADDRESSES.has(text.toLowerCase())) return 'metadata';
  if (address.get_is_any()) return 'unspecified';
  if (address.get_is_loopback()) return 'loopback';
  if (address.get_is_link_local()) return 'link-local';
  if (address.get_is_multicast()) return 'multicast';
  if (/^f[cd]/i.test(text) || address.get_is_site_local()) return 'private';
  return 'public';
}

/**
 * The kind of a URL host when it can be told without a lookup: an address literal, `localhost`
 * or a metadata name; null for any other name. A host made only of digits, dots and hex that is
 * not a strict literal (`2852039166`, `0xa9.0xfe.0xa9.0xfe`) is refused: C resolvers read those
 * as addresses (169.254.169.254 both), and only a strict literal can be checked without one.
 */
export function kindOfHost(host: string): AddressKind | null {
  const literal = Gio.InetAddress.new_from_string(host);
  if (literal) return addressKind(literal);
  if (/^[0-9a-fx.]+$/i.test(host) && /^[0-9]/.test(host)) return 'reserved';
  if (/^localhost\.?$|\.localhost\.?$/i.test(host)) return 'loopback';
  if (METADATA_NAMES.test(host)) return 'metadata';
  return null;
}

/** The kinds of addresses a host stands for: itself if it is a literal, else what it resolves to. */
async function kindsOf(host: string, resolve: boolean, cancellable: Gio.Cancellable | null): Promise<Set<AddressKind>> {
  const known = kindOfHost(host);
  if (known) return new Set([known]);
  // Through a proxy the proxy resolves the name: a lookup here would tell the local DNS.
  if (!resolve) return new Set(['public']);
  let list: Gio.InetAddress[];
  try {
    list = (await Gio.Resolver.get_default().lookup_by_name_async(host, cancellable)) as Gio.InetAddress[];
  } catch (e) {
    if (isCancelled(e)) throw e;
    throw new TrackerError('network', _('Could not find the tracker’s address: %s').replace('%s', errorMessage(e)));
  }
  return new Set(list.map(addressKind));
}

/** What one redirect hop is checked against: where the user's own URL pointed. */
export interface RedirectOrigin {
  /** The announce URL from the torrent (or the user's edit), before any redirect. */
  url: string;
  /** Names may be resolved here (no proxy); with a proxy only literals are checked. */
  resolveNames: boolean;
}

/**
 * Throws a TrackerError in words if `target` is not a redirect the app follows: only `http` and
 * `https`, and only to a public address, or to the same kind of address as the user's own URL
 * (a tracker on the LAN may redirect within the LAN; loopback only from loopback). With no
 * proxy the target's name is resolved and every address it has is checked.
 */
export async function checkRedirect(
  origin: RedirectOrigin,
  target: SplitUrl,
  cancellable: Gio.Cancellable | null,
): Promise<void> {
  if (target.scheme !== 'http' && target.scheme !== 'https')
    throw new TrackerError('http', _('The tracker redirected to an address that is not HTTP(S).'));
  const targetKinds = await kindsOf(target.host, origin.resolveNames, cancellable);
  const refused = [...targetKinds].filter((k) => k !== 'public');
  if (refused.length === 0) return;
  const source = splitUrl(origin.url);
  const allowed = source ? await kindsOf(source.host, origin.resolveNames, cancellable) : new Set<AddressKind>();
  const kind = refused.find((k) => !allowed.has(k));
  if (kind === undefined) return;
  throw new TrackerError('http', redirectRefusalText(kind, target.host));
}

function redirectRefusalText(kind: AddressKind, host: string): string {
  const words: Record<AddressKind, string> = {
    public: '',
    private: _('a local-network address'),
    loopback: _('this computer'),
    'link-local': _('a link-local address'),
    metadata: _('a cloud metadata service'),
    unspecified: _('an unspecified address'),
    multicast: _('a multicast address'),
    broadcast: _('the broadcast address'),
    reserved: _('a reserved or ambiguous address'),
  };
  return format(
    _('The tracker redirected to %1$s (%2$s): not followed, as the tracker’s own address does not point there.'),
    words[kind],
    host,
  );
}
