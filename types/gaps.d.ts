// What the generated GNOME 43 types (types/gi) leave out but the app uses, each typed once here
// instead of cast at the call. Not included by tests/typecheck, whose gate expects the newer APIs
// to be type errors.

declare module 'gi://Gio?version=2.0' {
  import type GLib from 'gi://GLib?version=2.0';

  namespace Gio {
    interface File {
      /** The promise form src/lib/promisify.ts registers; the generated types have only the callback form. */
      replace_contents_bytes_async(
        contents: GLib.Bytes | Uint8Array,
        etag: string | null,
        make_backup: boolean,
        flags: FileCreateFlags,
        cancellable: Cancellable | null,
      ): globalThis.Promise<[boolean, string]>;
    }
  }
}

declare module 'gi://Gtk?version=4.0' {
  namespace Gtk {
    interface CssProvider {
      /** GTK 4.12 and later (the Flatpak runtime); absent on GNOME 43's GTK 4.8. */
      load_from_string?: (string: string) => void;
    }
  }
}
