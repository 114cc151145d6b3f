import type Gtk from 'gi://Gtk?version=4.0';

/**
 * What every question dialog does on top of its template: it is transient for `parent`, and it
 * lets go of that parent when it closes. GTK 4.8 lets go only when the dialog is finalized, and
 * by then (at garbage collection) the parent may be gone.
 */
export function attachToParent(dialog: Gtk.Window, parent: Gtk.Window): void {
  dialog.set_transient_for(parent);
  dialog.connect('close-request', () => {
    dialog.set_transient_for(null);
    return false;
  });
}
