/**
 * This file exports all GIR module type definitions.
 */

import './glib-2.0.d.ts';
import './gio-2.0.d.ts';
import './gobject-2.0.d.ts';
import './cairo-1.0.d.ts';
import './gtk-4.0.d.ts';
import './adw-1.d.ts';
import './soup-3.0.d.ts';
import './gsk-4.0.d.ts';
import './gdk-4.0.d.ts';
import './graphene-1.0.d.ts';
import './pangocairo-1.0.d.ts';
import './pango-1.0.d.ts';
import './gdkpixbuf-2.0.d.ts';
import './harfbuzz-0.0.d.ts';
import './gmodule-2.0.d.ts';
import './freetype2-2.0.d.ts';


