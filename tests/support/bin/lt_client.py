#!/usr/bin/python3
"""python3-libtorrent on 127.0.0.1 for the built-in tracker specs (never another address).

usage: lt_client.py TORRENT SAVE_DIR LISTEN_PORT MAX_SECONDS

Seeds (or downloads, if SAVE_DIR lacks the data) the torrent, announcing to its tracker. Prints
"seeding" once the data is complete. On SIGTERM, or after MAX_SECONDS, it removes the torrent,
which sends event=stopped, waits up to 5 s for the tracker's answer, prints "stopped" and exits.
"""
import signal
import sys
import time

import libtorrent as lt

torrent, save, port, max_seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
session = lt.session({
    'listen_interfaces': '127.0.0.1:%d' % port,
    'outgoing_interfaces': 'lo',
    'enable_dht': False, 'enable_lsd': False, 'enable_upnp': False, 'enable_natpmp': False,
    'enable_incoming_utp': False, 'enable_outgoing_utp': False,
    'alert_mask': lt.alert.category_t.tracker_notification | lt.alert.category_t.status_notification
                  | lt.alert.category_t.error_notification,
})
handle = session.add_torrent({'ti': lt.torrent_info(torrent), 'save_path': save})
stop = []
signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
start = time.time()
seeding = False
while not stop and time.time() - start < max_seconds:
    for a in session.pop_alerts():
        if isinstance(a, (lt.tracker_reply_alert, lt.tracker_error_alert, lt.tracker_warning_alert)):
            print(type(a).__name__, a.message(), flush=True)
    if not seeding and handle.status().is_seeding:
        seeding = True
        print('seeding', flush=True)
    time.sleep(0.05)
session.remove_torrent(handle)
deadline = time.time() + 5
done = False
while time.time() < deadline and not done:
    for a in session.pop_alerts():
        if isinstance(a, (lt.tracker_reply_alert, lt.tracker_error_alert)) and 'stopped' in a.message():
            done = True
        if isinstance(a, lt.torrent_removed_alert):
            pass
    time.sleep(0.05)
print('stopped', flush=True)
