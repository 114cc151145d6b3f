import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';

/**
 * libsoup's own floor in GJS for bench/tracker-server.sh: a Soup.Server on 127.0.0.1:PORT that
 * answers every request with a fixed 27-byte bencoded reply, the same way the built-in tracker
 * answers (at got-headers), and does nothing else. Runs until killed.
 *   gjs -m soup-floor.js PORT
 */
const port = Number(ARGV[0]);
const body = new TextEncoder().encode('d8:intervali1800e5:peers0:e');
const server = new Soup.Server({ server_header: 'floor' });
server.connect('request-started', (_s, msg: Soup.ServerMessage) => {
  msg.connect('got-headers', () => {
    msg.set_status(200, null);
    msg.set_response('text/plain', Soup.MemoryUse.COPY, body);
  });
});
server.listen(Gio.InetSocketAddress.new_from_string('127.0.0.1', port)!, 0 as Soup.ServerListenOptions);
new GLib.MainLoop(null, false).run();
