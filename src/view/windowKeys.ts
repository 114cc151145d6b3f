import Gtk from 'gi://Gtk?version=4.0';

/**
 * The window's own keys, which work with or without an application (the app also sets them as
 * accelerators): Ctrl+F opens the search with the cursor in it, Ctrl+O adds torrents.
 */
export function installWindowKeys(window: Gtk.Window): void {
  const keys = new Gtk.ShortcutController({ scope: Gtk.ShortcutScope.GLOBAL });
  const bind = (trigger: string, action: string) =>
    keys.add_shortcut(
      new Gtk.Shortcut({
        trigger: Gtk.ShortcutTrigger.parse_string(trigger),
        action: Gtk.NamedAction.new(action),
      }),
    );
  bind('<Control>f', 'win.search');
  bind('<Control>o', 'win.add-torrents');
  window.add_controller(keys);
}

/**
 * The search bar: its entry (inside a clamp, so the bar is told which entry is its own), typing
 * anywhere in the window starts a search, and closing the bar (Escape, the button) clears the
 * search, since a closed search bar must filter nothing.
 */
export function wireSearch(
  bar: Gtk.SearchBar,
  entry: Gtk.SearchEntry,
  window: Gtk.Window,
  onText: (text: string) => void,
): void {
  bar.connect_entry(entry);
  bar.set_key_capture_widget(window);
  entry.connect('search-changed', () => onText(entry.get_text()));
  entry.connect('stop-search', () => bar.set_search_mode(false));
  bar.connect('notify::search-mode-enabled', () => {
    if (bar.get_search_mode()) return;
    entry.set_text('');
    onText('');
  });
}
