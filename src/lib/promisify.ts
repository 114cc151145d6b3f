import Gio from 'gi://Gio';
import Soup from 'gi://Soup?version=3.0';

/**
 * GJS 1.74 does not turn `*_async` methods into promises by itself (newer GJS does), although
 * the generated types already show the Promise overloads. Every async call the app awaits is
 * registered here, once, before anything runs. Import this module for its side effect.
 */
let done = false;

export function promisifyAll(): void {
  if (done) return;
  done = true;
  const p = Gio._promisify;
  p(Gio.File.prototype, 'load_contents_async', 'load_contents_finish');
  p(Gio.File.prototype, 'replace_contents_async', 'replace_contents_finish');
  p(Gio.File.prototype, 'replace_contents_bytes_async', 'replace_contents_finish');
  p(Gio.File.prototype, 'copy_async', 'copy_finish');
  p(Gio.File.prototype, 'move_async', 'move_finish');
  p(Gio.File.prototype, 'delete_async', 'delete_finish');
  p(Gio.File.prototype, 'make_directory_async', 'make_directory_finish');
  p(Gio.File.prototype, 'enumerate_children_async', 'enumerate_children_finish');
  p(Gio.File.prototype, 'query_info_async', 'query_info_finish');
  p(Gio.File.prototype, 'read_async', 'read_finish');
  p(Gio.File.prototype, 'set_attributes_async', 'set_attributes_finish');
  p(Gio.FileInputStream.prototype, 'query_info_async', 'query_info_finish');
  p(Gio.FileEnumerator.prototype, 'next_files_async', 'next_files_finish');
  p(Gio.FileEnumerator.prototype, 'close_async', 'close_finish');
  p(Gio.Subprocess.prototype, 'wait_async', 'wait_finish');
  p(Gio.Subprocess.prototype, 'wait_check_async', 'wait_check_finish');
  p(Gio.Subprocess.prototype, 'communicate_utf8_async', 'communicate_utf8_finish');
  p(Gio.SocketClient.prototype, 'connect_to_host_async', 'connect_to_host_finish');
  p(Gio.SocketClient.prototype, 'connect_async', 'connect_finish');
  p(Gio.InputStream.prototype, 'read_bytes_async', 'read_bytes_finish');
  p(Gio.InputStream.prototype, 'close_async', 'close_finish');
  p(Gio.OutputStream.prototype, 'write_all_async', 'write_all_finish');
  p(Gio.Resolver.prototype, 'lookup_by_name_async', 'lookup_by_name_finish');
  p(Gio.DBusConnection.prototype, 'call', 'call_finish');
  p(Soup.Session.prototype, 'send_and_read_async', 'send_and_read_finish');
  p(Soup.Session.prototype, 'send_async', 'send_finish');
}

promisifyAll();
