import Gio from 'gi://Gio';

/** A port on 127.0.0.1 that nothing listens on (bound, then released), for refused-connection specs. */
export function closedPort(): number {
  const s = new Gio.SocketService();
  const [, a] = s.add_address(
    Gio.InetSocketAddress.new_from_string('127.0.0.1', 0)!,
    Gio.SocketType.STREAM,
    Gio.SocketProtocol.TCP,
    null,
  );
  const port = (a as Gio.InetSocketAddress).get_port();
  s.stop();
  s.close();
  return port;
}
