import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import type Gtk from 'gi://Gtk?version=4.0';

import { uiResource } from '../lib/resources.ts';
import { attachToParent } from './questionDialog.ts';

export interface TextDialogOptions {
  heading: string;
  body: string;
  initial: string;
  confirm: string;
  placeholder?: string;
  allowEmpty?: boolean;
  /** A problem with the text as typed (shown under the entry, and the button greyed), or null. */
  validate?: (text: string) => string | null;
  /** A problem to show from the start (the previous answer was refused). */
  problem?: string;
}

interface TextDialogSignals extends Adw.MessageDialog.SignalSignatures {
  'text-chosen': (text: string) => void;
}

/** One line of text: rename, label, tracker URL. Emits `text-chosen` with the trimmed text. */
export class TextDialog extends Adw.MessageDialog {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsTextDialog',
        Template: uiResource('text-dialog'),
        InternalChildren: ['entry', 'problem_label'],
        Signals: { 'text-chosen': { param_types: [GObject.TYPE_STRING] } },
      },
      this,
    );
  }

  declare connect: GObject.SignalMethods<this, TextDialogSignals>['connect'];
  declare emit: GObject.SignalMethods<this, TextDialogSignals>['emit'];
  declare _entry: Gtk.Entry;
  declare _problem_label: Gtk.Label;
  readonly #options: TextDialogOptions;

  constructor(parent: Gtk.Window, options: TextDialogOptions) {
    super({ heading: options.heading, body: options.body });
    this.#options = options;
    attachToParent(this, parent);
    this.set_response_label('ok', options.confirm);
    this._entry.set_text(options.initial);
    this._entry.set_placeholder_text(options.placeholder ?? '');
    this._entry.connect('changed', () => this.#check(false));
    this.#check(true);
    if (options.problem) this.#showProblem(options.problem);
    this.connect('response', (_d, response: string) => {
      if (response === 'ok' && this.#problem() === null) this.emit('text-chosen', this.text);
    });
    this._entry.grab_focus();
  }

  get entry(): Gtk.Entry {
    return this._entry;
  }

  /** The problem shown under the entry, '' when none. */
  get problemText(): string {
    return this._problem_label.get_visible() ? this._problem_label.get_label() : '';
  }

  get text(): string {
    return this._entry.get_text().trim();
  }

  #problem(): string | null {
    if (!this.#options.allowEmpty && this.text === '') return '';
    return this.#options.validate?.(this.text) ?? null;
  }

  #check(initial: boolean): void {
    const problem = this.#problem();
    this.set_response_enabled('ok', problem === null);
    // An empty field is not an error worth a sentence; and nothing is said before any typing.
    if (!initial) this.#showProblem(problem ?? '');
  }

  #showProblem(text: string): void {
    this._problem_label.set_label(text);
    this._problem_label.set_visible(text !== '');
  }
}
