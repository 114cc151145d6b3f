import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import type Gtk from 'gi://Gtk?version=4.0';

import { uiResource } from '../lib/resources.ts';
import { PROFILE_NAMES } from '../model/session/seedingProfiles.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import { ProfilePreviewDialog } from './ProfilePreviewDialog.ts';
import type { TorrentActionActivator } from './torrentActions.ts';
import type { ProfileName, TorrentSource } from './TorrentSource.ts';

/** The row's items after "None": the profiles, in the template's order. */
const CHOICES: readonly ProfileName[] = PROFILE_NAMES;

/**
 * The Options tab's seeding profile: shows the profile the torrent's options were last set
 * from ("None" once edited by hand); choosing another previews what it would change on this
 * torrent (ProfilePreviewDialog) and applies it (`apply-profile`) only if the user says so.
 */
export class ProfileChooserGroup extends Adw.PreferencesGroup {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsProfileChooserGroup',
        Template: uiResource('profile-chooser-group'),
        InternalChildren: ['profile_row'],
      },
      this,
    );
  }

  declare _profile_row: Adw.ComboRow;
  readonly #source: TorrentSource;
  readonly #activate: TorrentActionActivator;
  #torrent: Torrent | null = null;
  #loading = false;
  /** The preview while it is open (specs answer it). */
  preview: ProfilePreviewDialog | null = null;

  constructor(source: TorrentSource, activate: TorrentActionActivator) {
    super();
    this.#source = source;
    this.#activate = activate;
    this._profile_row.connect('notify::selected', () => this.#chosen());
  }

  get row(): Adw.ComboRow {
    return this._profile_row;
  }

  setTorrent(torrent: Torrent | null): void {
    this.#torrent = torrent;
    this.refresh();
  }

  /** Shows the torrent's profile (call after its options changed). */
  refresh(): void {
    if (this.preview || !this.#torrent) return;
    const index = CHOICES.indexOf(this.#source.seedingProfile(this.#torrent) as ProfileName) + 1;
    if (this._profile_row.get_selected() === index) return;
    this.#loading = true;
    this._profile_row.set_selected(index);
    this.#loading = false;
  }

  #chosen(): void {
    const torrent = this.#torrent;
    const name = CHOICES[this._profile_row.get_selected() - 1];
    if (this.#loading || !torrent || !name || this.preview) return;
    const dialog = new ProfilePreviewDialog(
      this.get_root() as Gtk.Window,
      name,
      this.#source.profilePreview(name, [torrent]),
    );
    dialog.connect('apply-confirmed', () => this.#activate('apply-profile', [name, [torrent.info_hash]]));
    // Cancelled, or applied: the row shows what the torrent has now.
    dialog.connect('response', () => {
      this.preview = null;
      this.refresh();
    });
    this.preview = dialog;
    dialog.present();
  }
}
