import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { randomPort, startDaemon, stopDaemon } from './localDaemon.ts';
import { makeTempDir, removeTree, writeFile } from './tempdir.ts';

/** The certificates stunnel serves, one port each. */
export type CertificateKind = 'good' | 'expired' | 'wrongName' | 'selfSigned' | 'goodElsewhere';
/**
 * `goodElsewhere` serves the good certificate on a port of its own: glib-networking resumes TLS
 * sessions process-wide by host and port, so a port a trusting session already used would be
 * resumed without the certificate being checked again.
 */
const KINDS: CertificateKind[] = ['good', 'expired', 'wrongName', 'selfSigned', 'goodElsewhere'];

function run(argv: string[], cwd: string): void {
  const [, , stderr, status] = GLib.spawn_sync(cwd, argv, null, GLib.SpawnFlags.SEARCH_PATH, null);
  if (status !== 0)
    throw new Error(`${argv.join(' ')} failed: ${new TextDecoder().decode(stderr ?? new Uint8Array())}`);
}

/**
 * Debian's stunnel4 terminating TLS in front of a local HTTP tracker (opentracker), with a test
 * CA made by openssl at spec time: only a TLS database built from `caFile` trusts it, never the
 * system. One port per certificate: signed by the CA for 127.0.0.1 (good), the same but expired,
 * signed for another name, and self-signed (no CA).
 */
export class TlsTracker {
  readonly dir = makeTempDir('dfs-stunnel');
  #proc: Gio.Subprocess | null = null;
  #base = 0;

  /** Debian names it stunnel4 (and links stunnel), Fedora stunnel. */
  static get program(): string | null {
    return GLib.find_program_in_path('stunnel4') ?? GLib.find_program_in_path('stunnel');
  }

  static isAvailable(): boolean {
    return TlsTracker.program !== null && GLib.find_program_in_path('openssl') !== null;
  }

  get caFile(): string {
    return `${this.dir}/ca.pem`;
  }

  /** The tracker's HTTPS announce URL through the port serving `kind`. */
  announceUrl(kind: CertificateKind): string {
    return `https://127.0.0.1:${this.#base + KINDS.indexOf(kind)}/announce`;
  }

  async start(backendPort: number): Promise<void> {
    this.#makeCertificates();
    const { proc, port } = await startDaemon(
      'stunnel4',
      (port) => {
        const services = KINDS.map((kind, i) =>
          [
            `[${kind}]`,
            `accept = 127.0.0.1:${port + i}`,
            `connect = 127.0.0.1:${backendPort}`,
            `cert = ${this.dir}/${kind === 'goodElsewhere' ? 'good' : kind}.pem`,
            `key = ${this.dir}/${kind === 'goodElsewhere' ? 'good' : kind}.key`,
          ].join('\n'),
        );
        writeFile(
          `${this.dir}/stunnel.conf`,
          ['foreground = yes', 'pid =', 'debug = 3', `output = ${this.dir}/stunnel.log`, ...services, ''].join('\n'),
        );
        return [TlsTracker.program!, `${this.dir}/stunnel.conf`];
      },
      async (port) => {
        for (let i = 0; i < KINDS.length; i++) await tcpConnects(port + i);
      },
      randomPort(),
    );
    this.#proc = proc;
    this.#base = port;
  }

  async stop(): Promise<void> {
    await stopDaemon(this.#proc);
    this.#proc = null;
    removeTree(this.dir);
  }

  #makeCertificates(): void {
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    const d = this.dir;
    run(
      [
        'openssl',
        'req',
        '-x509',
        ...ec,
        '-keyout',
        'ca.key',
        '-out',
        'ca.pem',
        '-days',
        '2',
        '-subj',
        '/CN=DFS spec CA',
      ],
      d,
    );
    const signed = (kind: CertificateKind, san: string, days: string) => {
      run(['openssl', 'req', ...ec, '-keyout', `${kind}.key`, '-out', `${kind}.csr`, '-subj', `/CN=${kind}`], d);
      writeFile(`${d}/${kind}.ext`, `subjectAltName=${san}\n`);
      // -days -1: valid until a day before it was issued, i.e. expired.
      run(
        [
          'openssl',
          'x509',
          '-req',
          '-in',
          `${kind}.csr`,
          '-CA',
          'ca.pem',
          '-CAkey',
          'ca.key',
          '-CAcreateserial',
        ].concat(['-out', `${kind}.pem`, '-days', days, '-extfile', `${kind}.ext`]),
        d,
      );
    };
    signed('good', 'IP:127.0.0.1', '2');
    signed('expired', 'IP:127.0.0.1', '-1');
    signed('wrongName', 'DNS:tracker.invalid', '2');
    run(
      ['openssl', 'req', '-x509', ...ec, '-keyout', 'selfSigned.key', '-out', 'selfSigned.pem'].concat([
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ]),
      d,
    );
  }
}

async function tcpConnects(port: number): Promise<void> {
  const client = new Gio.SocketClient({ timeout: 2 });
  const conn = (await client.connect_to_host_async(`127.0.0.1:${port}`, port, null)) as Gio.SocketConnection;
  conn.close(null);
}
