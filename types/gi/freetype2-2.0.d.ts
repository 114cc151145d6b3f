/// <reference path="./gobject-2.0.d.ts" />

/**
 * Type Definitions for Gjs (https://gjs.guide/)
 *
 * These type definitions are automatically generated, do not edit them by hand.
 * If you found a bug fix it in `ts-for-gir` or create a bug report on https://github.com/gjsify/ts-for-gir
 *
 * The based EJS template file is used for the generated .d.ts file of each GIR module like Gtk-4.0, GObject-2.0, ...
 */

declare module 'gi://freetype2?version=2.0' {

// Module dependencies
import type GObject from 'gi://GObject?version=2.0';

export namespace freetype2 {

    /**
     * freetype2-2.0
     */


    function library_version(): void;

    class Bitmap {
        static $gtype: GObject.GType<Bitmap>;
    }


    class Face {
        static $gtype: GObject.GType<Face>;
    }


    class Library {
        static $gtype: GObject.GType<Library>;
    }


    type Int32 = number;

    const __name__: string;

    const __version__: string;
}

export default freetype2;

}

declare module 'gi://freetype2' {
    import Freetype220 from 'gi://freetype2?version=2.0';
    export default Freetype220;
}
// END
