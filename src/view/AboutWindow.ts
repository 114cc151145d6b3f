import Adw from 'gi://Adw';
import Gtk from 'gi://Gtk?version=4.0';

import { APP_ID, APP_NAME, ISSUE_URL, VERSION, WEBSITE } from '../lib/config.ts';
import { _, format } from '../lib/i18n.ts';

export function showAboutWindow(parent: Gtk.Window | null): void {
  const about = new Adw.AboutWindow({
    transient_for: parent,
    modal: true,
    application_icon: APP_ID,
    application_name: APP_NAME,
    // Translators: %1$s is the app's name.
    developer_name: format(_('The %1$s developers'), APP_NAME),
    version: VERSION,
    website: WEBSITE,
    issue_url: ISSUE_URL,
    license_type: Gtk.License.APACHE_2_0,
    copyright: `© 2024–2026 David O Neill and the ${APP_NAME} developers`,
    comments: _(
      'Announces .torrent files to their trackers as a seeding BitTorrent client, with simulated upload and download figures. Meant for testing trackers whose operators allow it.',
    ),
    // Translators: put your name here, one per line, to be credited in the About window.
    translator_credits: _('translator-credits'),
  });
  about.present();
}
