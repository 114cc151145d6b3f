import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { uiResource } from '../lib/resources.ts';
import { attachToParent } from './questionDialog.ts';

export interface TrackerDialogOptions {
  heading: string;
  body: string;
  urls: string[];
  editable: boolean;
  confirm: string;
  destructive?: boolean;
  validate?: (text: string) => string | null;
}

interface TrackerDialogSignals extends Adw.MessageDialog.SignalSignatures {
  'tracker-chosen': (url: string, edited: string) => void;
}

/** Picks one of the torrent's tracker URLs (edit or remove), optionally editing it. */
export class TrackerDialog extends Adw.MessageDialog {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsTrackerDialog',
        Template: uiResource('tracker-dialog'),
        InternalChildren: ['dropdown', 'entry', 'problem_label'],
        Signals: { 'tracker-chosen': { param_types: [GObject.TYPE_STRING, GObject.TYPE_STRING] } },
      },
      this,
    );
  }

  declare connect: GObject.SignalMethods<this, TrackerDialogSignals>['connect'];
  declare emit: GObject.SignalMethods<this, TrackerDialogSignals>['emit'];
  declare _dropdown: Gtk.DropDown;
  declare _entry: Gtk.Entry;
  declare _problem_label: Gtk.Label;

  constructor(parent: Gtk.Window, options: TrackerDialogOptions) {
    super({ heading: options.heading, body: options.body });
    attachToParent(this, parent);
    this._dropdown.set_model(Gtk.StringList.new(options.urls));
    this._entry.set_visible(options.editable);
    this._entry.set_text(options.urls[0] ?? '');
    this.set_response_label('ok', options.confirm);
    this.set_response_appearance(
      'ok',
      options.destructive ? Adw.ResponseAppearance.DESTRUCTIVE : Adw.ResponseAppearance.SUGGESTED,
    );
    this.set_default_response(options.destructive ? 'cancel' : 'ok');
    const selected = () => options.urls[this._dropdown.get_selected()] ?? '';
    this._dropdown.connect('notify::selected', () => this._entry.set_text(selected()));
    const problem = () => (options.editable ? (options.validate?.(this._entry.get_text()) ?? null) : null);
    this._entry.connect('changed', () => {
      const text = problem();
      this.set_response_enabled('ok', text === null && (!options.editable || this._entry.get_text().trim() !== ''));
      this._problem_label.set_label(text ?? '');
      this._problem_label.set_visible(text !== null);
    });
    this.connect('response', (_d, response: string) => {
      if (response === 'ok' && problem() === null)
        this.emit('tracker-chosen', selected(), this._entry.get_text().trim());
    });
  }

  get dropdown(): Gtk.DropDown {
    return this._dropdown;
  }

  get entry(): Gtk.Entry {
    return this._entry;
  }
}
