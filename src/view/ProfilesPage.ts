import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { uiResource } from '../lib/resources.ts';
import { PROFILE_FIELDS, PROFILE_NAMES } from '../model/session/seedingProfiles.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import { PreferenceControls } from './PreferenceControls.ts';
import { ProfilePreviewDialog } from './ProfilePreviewDialog.ts';
import { fieldValue } from './profileText.ts';
import { templateChild } from './template.ts';
import type { TorrentActionActivator } from './torrentActions.ts';
import type { ProfileName, TorrentSource } from './TorrentSource.ts';

const NAME = 'seeding_profile.name';
const CUSTOM = 'seeding_profile.custom';

/** The settings with a control in profiles-page.ui, where each control's id is its setting. */
const SETTING_CONTROLS = [
  NAME,
  'upload_speed',
  'download_speed',
  ...['upload_limit', 'download_limit', 'announce_floor', 'stop_ratio', 'stop_seeding_minutes'].map(
    (k) => `${CUSTOM}.${k}`,
  ),
];
/** The labels showing the chosen profile's values. */
const SHOWN = PROFILE_FIELDS.map((f) => `shown.${f}`);

/**
 * Preferences → Profiles: the seeding profile new torrents start with (shown with its values),
 * Custom's values, and "Apply…", which previews what the profile would change on every torrent
 * in the list (ProfilePreviewDialog) and applies it only when the user says so (`apply-profile`).
 */
export class ProfilesPage extends Adw.PreferencesPage {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsProfilesPage',
        Template: uiResource('profiles-page'),
        InternalChildren: [...SETTING_CONTROLS, ...SHOWN, 'apply_button'],
      },
      this,
    );
  }

  declare _apply_button: Gtk.Button;
  readonly #source: TorrentSource;
  readonly #activate: TorrentActionActivator;
  readonly #c: PreferenceControls;
  #handler = 0;
  /** The preview while it is open (specs answer it). */
  preview: ProfilePreviewDialog | null = null;

  constructor(source: TorrentSource, onError: (message: string) => void, activate: TorrentActionActivator) {
    super();
    this.#source = source;
    this.#activate = activate;
    this.#c = new PreferenceControls(source.settings, onError);
    for (const path of SETTING_CONTROLS)
      this.#c.bind(
        path,
        templateChild(this, ProfilesPage.$gtype, path, Gtk.Widget),
        path === NAME ? PROFILE_NAMES : undefined,
      );
    this.#showValues();
    this.#handler = source.settings.connect('changed', (_s, path: string) => {
      this.#c.refresh(path);
      if (path === NAME || path.startsWith(CUSTOM) || path.endsWith('_speed')) this.#showValues();
    });
    this._apply_button.connect('clicked', () => this.previewApply());
    this.connect('destroy', () => this.release());
  }

  /** Every control by its settings path (specs drive them). */
  get controls(): Map<string, Gtk.Widget> {
    return this.#c.controls;
  }

  /** The value each field of the chosen profile shows, by field (specs read them). */
  shownValues(): Record<string, string> {
    return Object.fromEntries(
      PROFILE_FIELDS.map((f) => [f, templateChild(this, ProfilesPage.$gtype, `shown.${f}`, Gtk.Label).get_label()]),
    );
  }

  /** Opens the preview of applying the chosen profile to every torrent in the list. */
  previewApply(): ProfilePreviewDialog {
    const name = this.#source.settings.get<ProfileName>(NAME);
    const torrents: Torrent[] = [];
    const list = this.#source.torrents;
    for (let i = 0; i < list.get_n_items(); i++) torrents.push(list.get_item(i) as Torrent);
    const dialog = new ProfilePreviewDialog(
      this.get_root() as Gtk.Window,
      name,
      this.#source.profilePreview(name, torrents),
    );
    dialog.connect('apply-confirmed', () => this.#activate('apply-profile', [name, torrents.map((t) => t.info_hash)]));
    dialog.connect('response', () => (this.preview = null));
    this.preview = dialog;
    dialog.present();
    return dialog;
  }

  #showValues(): void {
    const values = this.#source.profileValues(this.#source.settings.get<ProfileName>(NAME));
    for (const f of PROFILE_FIELDS)
      templateChild(this, ProfilesPage.$gtype, `shown.${f}`, Gtk.Label).set_label(fieldValue(f, values[f]));
  }

  release(): void {
    if (this.#handler) this.#source.settings.disconnect(this.#handler);
    this.#handler = 0;
    this.#c.release();
  }
}
