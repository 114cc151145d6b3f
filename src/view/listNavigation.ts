import Gdk from 'gi://Gdk?version=4.0';
import Gtk from 'gi://Gtk?version=4.0';

/** What the keyboard and pointer helpers need of the torrent list. */
interface NavigableList extends Gtk.Widget {
  readonly columnView: Gtk.ColumnView;
  readonly selection: Gtk.MultiSelection;
}

const INVALID_POSITION = 0xffffffff;

/**
 * What GTK 4.8's ColumnView does not do by itself: Tab and Shift+Tab leave the list (the rows
 * would otherwise take the focus one by one), and Ctrl+click adds or removes a row while
 * Shift+click selects the range from the last clicked row, as in any file manager.
 */
export function installListNavigation(list: NavigableList): void {
  const view = list.columnView;
  const keys = new Gtk.ShortcutController({ propagation_phase: Gtk.PropagationPhase.CAPTURE });
  const leave = (direction: Gtk.DirectionType) =>
    Gtk.CallbackAction.new(() => {
      // The window moves the focus on from the list as if the list could not take it.
      const root = list.get_root() as Gtk.Widget | null;
      if (!root) return false;
      list.set_can_focus(false);
      try {
        if (!root.child_focus(direction)) list.error_bell();
      } finally {
        list.set_can_focus(true);
      }
      return true;
    });
  for (const trigger of ['Tab', 'KP_Tab'])
    keys.add_shortcut(
      new Gtk.Shortcut({
        trigger: Gtk.ShortcutTrigger.parse_string(trigger),
        action: leave(Gtk.DirectionType.TAB_FORWARD),
      }),
    );
  for (const trigger of ['<Shift>Tab', '<Shift>KP_Tab'])
    keys.add_shortcut(
      new Gtk.Shortcut({
        trigger: Gtk.ShortcutTrigger.parse_string(trigger),
        action: leave(Gtk.DirectionType.TAB_BACKWARD),
      }),
    );
  view.add_controller(keys);

  // The row last clicked without Shift: where a Shift+click range starts. A legacy controller,
  // not a click gesture: the rows' own gestures take Ctrl+click before a gesture here sees it.
  let anchor = -1;
  const clicks = new Gtk.EventControllerLegacy({ propagation_phase: Gtk.PropagationPhase.CAPTURE });
  clicks.connect('event', (_c, event: Gdk.Event) => {
    if (event.get_event_type() !== Gdk.EventType.BUTTON_PRESS) return false;
    if ((event as Gdk.ButtonEvent).get_button() !== 1) return false;
    const position = rowAt(view, event);
    if (position < 0) return false;
    const state = event.get_modifier_state();
    const ctrl = (state & Gdk.ModifierType.CONTROL_MASK) !== 0;
    const shift = (state & Gdk.ModifierType.SHIFT_MASK) !== 0;
    if (!ctrl && !shift) {
      anchor = position;
      return false;
    }
    const selection = list.selection;
    if (shift && anchor >= 0) {
      const from = Math.min(anchor, position);
      selection.select_range(from, Math.max(anchor, position) - from + 1, !ctrl);
    } else {
      if (selection.is_selected(position)) selection.unselect_item(position);
      else selection.select_item(position, false);
      anchor = position;
    }
    return true;
  });
  view.add_controller(clicks);
}

/** The row position under a pointer event on the column view, or -1 (headers, empty space). */
function rowAt(view: Gtk.ColumnView, event: Gdk.Event): number {
  const native = view.get_native();
  const [found, sx, sy] = event.get_position();
  if (!native || !found) return -1;
  const [tx, ty] = native.get_surface_transform();
  const point = native.translate_coordinates(view, sx - tx, sy - ty);
  if (!point[0]) return -1;
  for (let w = view.pick(point[1], point[2], Gtk.PickFlags.DEFAULT); w && w !== view; w = w.get_parent()) {
    const item = (w as { listItem?: Gtk.ListItem | null }).listItem;
    if (item) {
      const position = item.get_position();
      return position === INVALID_POSITION ? -1 : position;
    }
  }
  return -1;
}
