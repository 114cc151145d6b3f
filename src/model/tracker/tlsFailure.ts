import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import type Soup from 'gi://Soup?version=3.0';

import { _, format } from '../../lib/i18n.ts';
import { TrackerError } from './types.ts';

/**
 * Why an HTTPS tracker was not announced to, in words: the certificate problems Gio's TLS layer
 * reports (Gio.TlsCertificateFlags), and a port that does not speak TLS. The announce is never
 * retried over plain HTTP: the user asked for HTTPS, and HTTPS is what failed.
 */

/** The first flag that explains the refusal wins; GnuTLS usually reports one or two. */
const CERTIFICATE_PROBLEMS: [Gio.TlsCertificateFlags, () => string][] = [
  [Gio.TlsCertificateFlags.EXPIRED, () => _('The tracker’s certificate has expired.')],
  [Gio.TlsCertificateFlags.NOT_ACTIVATED, () => _('The tracker’s certificate is not valid yet.')],
  [Gio.TlsCertificateFlags.REVOKED, () => _('The tracker’s certificate has been revoked.')],
  [Gio.TlsCertificateFlags.INSECURE, () => _('The tracker’s certificate uses an insecure algorithm.')],
  [
    Gio.TlsCertificateFlags.UNKNOWN_CA,
    () => _('The tracker’s certificate is not signed by an authority this computer trusts (it may be self-signed).'),
  ],
];

/** Plain words for a refused certificate; `host` is the name the tracker was reached by. */
export function certificateProblem(flags: Gio.TlsCertificateFlags, host: string): string {
  // A certificate for another name says nothing of the others' meaning: name it first.
  let words: string;
  if (flags & Gio.TlsCertificateFlags.BAD_IDENTITY)
    words = format(_('The tracker’s certificate is not for %s: it belongs to another name.'), host);
  else
    words = CERTIFICATE_PROBLEMS.find(([flag]) => flags & flag)?.[1]() ?? _('The tracker’s certificate is not valid.');
  return `${words} ${_('Nothing was sent to it.')}`;
}

/**
 * Watches one message's TLS handshake: Soup asks `accept-certificate` only when the certificate
 * failed verification, and the flags it passes say why. Refusing it (the default) fails the
 * request with a generic "Unacceptable TLS certificate"; refused() turns that into words.
 */
export class TlsWatch {
  #flags: Gio.TlsCertificateFlags | null = null;

  constructor(msg: Soup.Message) {
    msg.connect(
      'accept-certificate',
      (_msg: Soup.Message, _cert: Gio.TlsCertificate, flags: Gio.TlsCertificateFlags) => {
        this.#flags = flags;
        return false;
      },
    );
  }

  /** A TrackerError in words when `error` is a TLS failure of this request, else null. */
  refused(error: unknown, host: string): TrackerError | null {
    if (this.#flags !== null) return new TrackerError('network', certificateProblem(this.#flags, host));
    if (!(error instanceof GLib.Error)) return null;
    if (error.matches(Gio.TlsError, Gio.TlsError.BAD_CERTIFICATE))
      return new TrackerError('network', certificateProblem(Gio.TlsCertificateFlags.GENERIC_ERROR, host));
    if (error.matches(Gio.TlsError, Gio.TlsError.NOT_TLS))
      return new TrackerError('network', _('The tracker does not speak HTTPS on this port. Nothing was sent to it.'));
    if (error.domain === Gio.TlsError.quark())
      return new TrackerError('network', format(_('The secure connection to the tracker failed: %s'), error.message));
    return null;
  }
}

/** A TLS database holding only the CA certificates in `pemFile` (specs and private trackers). */
export function tlsDatabaseFrom(pemFile: string): Gio.TlsDatabase {
  return Gio.TlsFileDatabase.new(pemFile);
}
