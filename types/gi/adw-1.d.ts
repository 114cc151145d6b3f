/// <reference path="./gtk-4.0.d.ts" />
/// <reference path="./gsk-4.0.d.ts" />
/// <reference path="./graphene-1.0.d.ts" />
/// <reference path="./gobject-2.0.d.ts" />
/// <reference path="./glib-2.0.d.ts" />
/// <reference path="./gdk-4.0.d.ts" />
/// <reference path="./cairo-1.0.d.ts" />
/// <reference path="./cairo.d.ts" />
/// <reference path="./pangocairo-1.0.d.ts" />
/// <reference path="./pango-1.0.d.ts" />
/// <reference path="./harfbuzz-0.0.d.ts" />
/// <reference path="./freetype2-2.0.d.ts" />
/// <reference path="./gio-2.0.d.ts" />
/// <reference path="./gdkpixbuf-2.0.d.ts" />
/// <reference path="./gmodule-2.0.d.ts" />

/**
 * Type Definitions for Gjs (https://gjs.guide/)
 *
 * These type definitions are automatically generated, do not edit them by hand.
 * If you found a bug fix it in `ts-for-gir` or create a bug report on https://github.com/gjsify/ts-for-gir
 *
 * The based EJS template file is used for the generated .d.ts file of each GIR module like Gtk-4.0, GObject-2.0, ...
 */

declare module 'gi://Adw?version=1' {

// Module dependencies
import type Gtk from 'gi://Gtk?version=4.0';
import type Gsk from 'gi://Gsk?version=4.0';
import type Graphene from 'gi://Graphene?version=1.0';
import type GObject from 'gi://GObject?version=2.0';
import type GLib from 'gi://GLib?version=2.0';
import type Gdk from 'gi://Gdk?version=4.0';
import type cairo from 'cairo';
import type PangoCairo from 'gi://PangoCairo?version=1.0';
import type Pango from 'gi://Pango?version=1.0';
import type HarfBuzz from 'gi://HarfBuzz?version=0.0';
import type freetype2 from 'gi://freetype2?version=2.0';
import type Gio from 'gi://Gio?version=2.0';
import type GdkPixbuf from 'gi://GdkPixbuf?version=2.0';
import type GModule from 'gi://GModule?version=2.0';

export namespace Adw {

    /**
     * Adw-1
     */


    export namespace AnimationState {
        export const $gtype: GObject.GType<AnimationState>;
    }

    enum AnimationState {
        IDLE = 0,
        PAUSED = 1,
        PLAYING = 2,
        FINISHED = 3,
    }


    export namespace CenteringPolicy {
        export const $gtype: GObject.GType<CenteringPolicy>;
    }

    enum CenteringPolicy {
        LOOSE = 0,
        STRICT = 1,
    }


    export namespace ColorScheme {
        export const $gtype: GObject.GType<ColorScheme>;
    }

    enum ColorScheme {
        DEFAULT = 0,
        FORCE_LIGHT = 1,
        PREFER_LIGHT = 2,
        PREFER_DARK = 3,
        FORCE_DARK = 4,
    }


    export namespace Easing {
        export const $gtype: GObject.GType<Easing>;
    }

    enum Easing {
        LINEAR = 0,
        EASE_IN_QUAD = 1,
        EASE_OUT_QUAD = 2,
        EASE_IN_OUT_QUAD = 3,
        EASE_IN_CUBIC = 4,
        EASE_OUT_CUBIC = 5,
        EASE_IN_OUT_CUBIC = 6,
        EASE_IN_QUART = 7,
        EASE_OUT_QUART = 8,
        EASE_IN_OUT_QUART = 9,
        EASE_IN_QUINT = 10,
        EASE_OUT_QUINT = 11,
        EASE_IN_OUT_QUINT = 12,
        EASE_IN_SINE = 13,
        EASE_OUT_SINE = 14,
        EASE_IN_OUT_SINE = 15,
        EASE_IN_EXPO = 16,
        EASE_OUT_EXPO = 17,
        EASE_IN_OUT_EXPO = 18,
        EASE_IN_CIRC = 19,
        EASE_OUT_CIRC = 20,
        EASE_IN_OUT_CIRC = 21,
        EASE_IN_ELASTIC = 22,
        EASE_OUT_ELASTIC = 23,
        EASE_IN_OUT_ELASTIC = 24,
        EASE_IN_BACK = 25,
        EASE_OUT_BACK = 26,
        EASE_IN_OUT_BACK = 27,
        EASE_IN_BOUNCE = 28,
        EASE_OUT_BOUNCE = 29,
        EASE_IN_OUT_BOUNCE = 30,
    }


    export namespace FlapFoldPolicy {
        export const $gtype: GObject.GType<FlapFoldPolicy>;
    }

    enum FlapFoldPolicy {
        NEVER = 0,
        ALWAYS = 1,
        AUTO = 2,
    }


    export namespace FlapTransitionType {
        export const $gtype: GObject.GType<FlapTransitionType>;
    }

    enum FlapTransitionType {
        OVER = 0,
        UNDER = 1,
        SLIDE = 2,
    }


    export namespace FoldThresholdPolicy {
        export const $gtype: GObject.GType<FoldThresholdPolicy>;
    }

    enum FoldThresholdPolicy {
        MINIMUM = 0,
        NATURAL = 1,
    }


    export namespace LeafletTransitionType {
        export const $gtype: GObject.GType<LeafletTransitionType>;
    }

    enum LeafletTransitionType {
        OVER = 0,
        UNDER = 1,
        SLIDE = 2,
    }


    export namespace NavigationDirection {
        export const $gtype: GObject.GType<NavigationDirection>;
    }

    enum NavigationDirection {
        BACK = 0,
        FORWARD = 1,
    }


    export namespace ResponseAppearance {
        export const $gtype: GObject.GType<ResponseAppearance>;
    }

    enum ResponseAppearance {
        DEFAULT = 0,
        SUGGESTED = 1,
        DESTRUCTIVE = 2,
    }


    export namespace SqueezerTransitionType {
        export const $gtype: GObject.GType<SqueezerTransitionType>;
    }

    enum SqueezerTransitionType {
        NONE = 0,
        CROSSFADE = 1,
    }


    export namespace ToastPriority {
        export const $gtype: GObject.GType<ToastPriority>;
    }

    enum ToastPriority {
        NORMAL = 0,
        HIGH = 1,
    }


    export namespace ViewSwitcherPolicy {
        export const $gtype: GObject.GType<ViewSwitcherPolicy>;
    }

    enum ViewSwitcherPolicy {
        NARROW = 0,
        WIDE = 1,
    }


    const DURATION_INFINITE: number;

    const MAJOR_VERSION: number;

    const MICRO_VERSION: number;

    const MINOR_VERSION: number;

    const VERSION_S: string;

    function easing_ease(self: Easing, value: number): number;

    function get_enable_animations(widget: Gtk.Widget): boolean;

    function get_major_version(): number;

    function get_micro_version(): number;

    function get_minor_version(): number;

    function init(): void;

    function is_initialized(): boolean;

    function lerp(a: number, b: number, t: number): number;

    interface AnimationTargetFunc {
        (value: number): void;
    }

    export namespace TabViewShortcuts {
        export const $gtype: GObject.GType<TabViewShortcuts>;
    }

    enum TabViewShortcuts {
        NONE = 0,
        CONTROL_TAB = 1,
        CONTROL_SHIFT_TAB = 2,
        CONTROL_PAGE_UP = 4,
        CONTROL_PAGE_DOWN = 8,
        CONTROL_HOME = 16,
        CONTROL_END = 32,
        CONTROL_SHIFT_PAGE_UP = 64,
        CONTROL_SHIFT_PAGE_DOWN = 128,
        CONTROL_SHIFT_HOME = 256,
        CONTROL_SHIFT_END = 512,
        ALT_DIGITS = 1024,
        ALT_ZERO = 2048,
        ALL_SHORTCUTS = 4095,
    }


    namespace AboutWindow {
        // Signal signatures
        interface SignalSignatures extends Window.SignalSignatures {
            /** @signal */
            "activate-link": (uri: string) => boolean | void;
            "notify::application-icon": (pspec: GObject.ParamSpec) => void;
            "notify::application-name": (pspec: GObject.ParamSpec) => void;
            "notify::artists": (pspec: GObject.ParamSpec) => void;
            "notify::comments": (pspec: GObject.ParamSpec) => void;
            "notify::copyright": (pspec: GObject.ParamSpec) => void;
            "notify::debug-info": (pspec: GObject.ParamSpec) => void;
            "notify::debug-info-filename": (pspec: GObject.ParamSpec) => void;
            "notify::designers": (pspec: GObject.ParamSpec) => void;
            "notify::developer-name": (pspec: GObject.ParamSpec) => void;
            "notify::developers": (pspec: GObject.ParamSpec) => void;
            "notify::documenters": (pspec: GObject.ParamSpec) => void;
            "notify::issue-url": (pspec: GObject.ParamSpec) => void;
            "notify::license": (pspec: GObject.ParamSpec) => void;
            "notify::license-type": (pspec: GObject.ParamSpec) => void;
            "notify::release-notes": (pspec: GObject.ParamSpec) => void;
            "notify::release-notes-version": (pspec: GObject.ParamSpec) => void;
            "notify::support-url": (pspec: GObject.ParamSpec) => void;
            "notify::translator-credits": (pspec: GObject.ParamSpec) => void;
            "notify::version": (pspec: GObject.ParamSpec) => void;
            "notify::website": (pspec: GObject.ParamSpec) => void;
            "notify::content": (pspec: GObject.ParamSpec) => void;
            "notify::application": (pspec: GObject.ParamSpec) => void;
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::decorated": (pspec: GObject.ParamSpec) => void;
            "notify::default-height": (pspec: GObject.ParamSpec) => void;
            "notify::default-widget": (pspec: GObject.ParamSpec) => void;
            "notify::default-width": (pspec: GObject.ParamSpec) => void;
            "notify::deletable": (pspec: GObject.ParamSpec) => void;
            "notify::destroy-with-parent": (pspec: GObject.ParamSpec) => void;
            "notify::display": (pspec: GObject.ParamSpec) => void;
            "notify::focus-visible": (pspec: GObject.ParamSpec) => void;
            "notify::focus-widget": (pspec: GObject.ParamSpec) => void;
            "notify::fullscreened": (pspec: GObject.ParamSpec) => void;
            "notify::handle-menubar-accel": (pspec: GObject.ParamSpec) => void;
            "notify::hide-on-close": (pspec: GObject.ParamSpec) => void;
            "notify::icon-name": (pspec: GObject.ParamSpec) => void;
            "notify::is-active": (pspec: GObject.ParamSpec) => void;
            "notify::maximized": (pspec: GObject.ParamSpec) => void;
            "notify::mnemonics-visible": (pspec: GObject.ParamSpec) => void;
            "notify::modal": (pspec: GObject.ParamSpec) => void;
            "notify::resizable": (pspec: GObject.ParamSpec) => void;
            "notify::startup-id": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::titlebar": (pspec: GObject.ParamSpec) => void;
            "notify::transient-for": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Window.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Native.ConstructorProps, Gtk.Root.ConstructorProps, Gtk.ShortcutManager.ConstructorProps {
            application_icon: string;
            applicationIcon: string;
            application_name: string;
            applicationName: string;
            artists: string[] | null;
            comments: string;
            copyright: string;
            debug_info: string;
            debugInfo: string;
            debug_info_filename: string;
            debugInfoFilename: string;
            designers: string[] | null;
            developer_name: string;
            developerName: string;
            developers: string[] | null;
            documenters: string[] | null;
            issue_url: string;
            issueUrl: string;
            license: string;
            license_type: Gtk.License;
            licenseType: Gtk.License;
            release_notes: string;
            releaseNotes: string;
            release_notes_version: string;
            releaseNotesVersion: string;
            support_url: string;
            supportUrl: string;
            translator_credits: string;
            translatorCredits: string;
            version: string;
            website: string;
        }
    }

    class AboutWindow extends Window implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Native, Gtk.Root, Gtk.ShortcutManager {
        static $gtype: GObject.GType<AboutWindow>;

        // Properties
        get application_icon(): string;
        set application_icon(val: string);

        get applicationIcon(): string;
        set applicationIcon(val: string);

        get application_name(): string;
        set application_name(val: string);

        get applicationName(): string;
        set applicationName(val: string);

        get artists(): string[] | null;
        set artists(val: string[] | null);

        get comments(): string;
        set comments(val: string);

        get copyright(): string;
        set copyright(val: string);

        get debug_info(): string;
        set debug_info(val: string);

        get debugInfo(): string;
        set debugInfo(val: string);

        get debug_info_filename(): string;
        set debug_info_filename(val: string);

        get debugInfoFilename(): string;
        set debugInfoFilename(val: string);

        get designers(): string[] | null;
        set designers(val: string[] | null);

        get developer_name(): string;
        set developer_name(val: string);

        get developerName(): string;
        set developerName(val: string);

        get developers(): string[] | null;
        set developers(val: string[] | null);

        get documenters(): string[] | null;
        set documenters(val: string[] | null);

        get issue_url(): string;
        set issue_url(val: string);

        get issueUrl(): string;
        set issueUrl(val: string);

        get license(): string;
        set license(val: string);

        get license_type(): Gtk.License;
        set license_type(val: Gtk.License);

        get licenseType(): Gtk.License;
        set licenseType(val: Gtk.License);

        get release_notes(): string;
        set release_notes(val: string);

        get releaseNotes(): string;
        set releaseNotes(val: string);

        get release_notes_version(): string;
        set release_notes_version(val: string);

        get releaseNotesVersion(): string;
        set releaseNotesVersion(val: string);

        get support_url(): string;
        set support_url(val: string);

        get supportUrl(): string;
        set supportUrl(val: string);

        get translator_credits(): string;
        set translator_credits(val: string);

        get translatorCredits(): string;
        set translatorCredits(val: string);

        get version(): string;
        set version(val: string);

        get website(): string;
        set website(val: string);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: AboutWindow.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<AboutWindow.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): AboutWindow;

        // Signals
        /** @signal */
        connect<K extends keyof AboutWindow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, AboutWindow.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof AboutWindow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, AboutWindow.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof AboutWindow.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<AboutWindow.SignalSignatures[K]>): void;

        // Methods
        add_acknowledgement_section(name: string | null, people: string[]): void;

        add_credit_section(name: string | null, people: string[]): void;

        add_legal_section(title: string, copyright: string | null, license_type: Gtk.License, license: string | null): void;

        add_link(title: string, url: string): void;

        get_application_icon(): string;

        get_application_name(): string;

        get_artists(): string[] | null;

        get_comments(): string;

        get_copyright(): string;

        get_debug_info(): string;

        get_debug_info_filename(): string;

        get_designers(): string[] | null;

        get_developer_name(): string;

        get_developers(): string[] | null;

        get_documenters(): string[] | null;

        get_issue_url(): string;

        get_license(): string;

        get_license_type(): Gtk.License;

        get_release_notes(): string;

        get_release_notes_version(): string;

        get_support_url(): string;

        get_translator_credits(): string;

        get_version(): string;

        get_website(): string;

        set_application_icon(application_icon: string): void;

        set_application_name(application_name: string): void;

        set_artists(artists: string[] | null): void;

        set_comments(comments: string): void;

        set_copyright(copyright: string): void;

        set_debug_info(debug_info: string): void;

        set_debug_info_filename(filename: string): void;

        set_designers(designers: string[] | null): void;

        set_developer_name(developer_name: string): void;

        set_developers(developers: string[] | null): void;

        set_documenters(documenters: string[] | null): void;

        set_issue_url(issue_url: string): void;

        set_license(license: string): void;

        set_license_type(license_type: Gtk.License): void;

        set_release_notes(release_notes: string): void;

        set_release_notes_version(version: string): void;

        set_support_url(support_url: string): void;

        set_translator_credits(translator_credits: string): void;

        set_version(version: string): void;

        set_website(website: string): void;
    }


    namespace ActionRow {
        // Signal signatures
        interface SignalSignatures extends PreferencesRow.SignalSignatures {
            /** @signal */
            activated: () => void;
            "notify::activatable-widget": (pspec: GObject.ParamSpec) => void;
            "notify::icon-name": (pspec: GObject.ParamSpec) => void;
            "notify::subtitle": (pspec: GObject.ParamSpec) => void;
            "notify::subtitle-lines": (pspec: GObject.ParamSpec) => void;
            "notify::title-lines": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::title-selectable": (pspec: GObject.ParamSpec) => void;
            "notify::use-markup": (pspec: GObject.ParamSpec) => void;
            "notify::use-underline": (pspec: GObject.ParamSpec) => void;
            "notify::activatable": (pspec: GObject.ParamSpec) => void;
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::selectable": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends PreferencesRow.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Actionable.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            activatable_widget: Gtk.Widget | null;
            activatableWidget: Gtk.Widget | null;
            icon_name: string | null;
            iconName: string | null;
            subtitle: string | null;
            subtitle_lines: number;
            subtitleLines: number;
            title_lines: number;
            titleLines: number;
        }
    }

    class ActionRow extends PreferencesRow implements Gtk.Accessible, Gtk.Actionable, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<ActionRow>;

        // Properties
        get activatable_widget(): Gtk.Widget | null;
        set activatable_widget(val: Gtk.Widget | null);

        get activatableWidget(): Gtk.Widget | null;
        set activatableWidget(val: Gtk.Widget | null);

        get icon_name(): string | null;
        set icon_name(val: string | null);

        get iconName(): string | null;
        set iconName(val: string | null);

        get subtitle(): string | null;
        set subtitle(val: string | null);

        get subtitle_lines(): number;
        set subtitle_lines(val: number);

        get subtitleLines(): number;
        set subtitleLines(val: number);

        get title_lines(): number;
        set title_lines(val: number);

        get titleLines(): number;
        set titleLines(val: number);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: ActionRow.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<ActionRow.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): ActionRow;

        // Signals
        /** @signal */
        connect<K extends keyof ActionRow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ActionRow.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof ActionRow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ActionRow.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof ActionRow.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<ActionRow.SignalSignatures[K]>): void;

        // Virtual methods
        vfunc_activate(): void;

        // Methods
        activate(): void;

    // Conflicted with Gtk.Widget.activate
        activate(...args: never[]): any;

        add_prefix(widget: Gtk.Widget): void;

        add_suffix(widget: Gtk.Widget): void;

        get_activatable_widget(): Gtk.Widget | null;

        get_icon_name(): string | null;

        get_subtitle(): string | null;

        get_subtitle_lines(): number;

        get_title_lines(): number;

        remove(widget: Gtk.Widget): void;

        set_activatable_widget(widget: Gtk.Widget | null): void;

        set_icon_name(icon_name: string | null): void;

        set_subtitle(subtitle: string): void;

        set_subtitle_lines(subtitle_lines: number): void;

        set_title_lines(title_lines: number): void;
    }


    namespace Animation {
        // Signal signatures
        interface SignalSignatures extends GObject.Object.SignalSignatures {
            /** @signal */
            done: () => void;
            "notify::state": (pspec: GObject.ParamSpec) => void;
            "notify::target": (pspec: GObject.ParamSpec) => void;
            "notify::value": (pspec: GObject.ParamSpec) => void;
            "notify::widget": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends GObject.Object.ConstructorProps {
            state: AnimationState;
            target: AnimationTarget;
            value: number;
            widget: Gtk.Widget;
        }
    }

    abstract class Animation extends GObject.Object {
        static $gtype: GObject.GType<Animation>;

        // Properties
        get state(): AnimationState;

        get target(): AnimationTarget;
        set target(val: AnimationTarget);

        get value(): number;

        get widget(): Gtk.Widget;

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: Animation.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<Animation.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        // Signals
        /** @signal */
        connect<K extends keyof Animation.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Animation.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof Animation.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Animation.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof Animation.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<Animation.SignalSignatures[K]>): void;

        // Methods
        get_state(): AnimationState;

        get_target(): AnimationTarget;

        get_value(): number;

        get_widget(): Gtk.Widget;

        pause(): void;

        play(): void;

        reset(): void;

        resume(): void;

        set_target(target: AnimationTarget): void;

        skip(): void;
    }


    namespace AnimationTarget {
        // Signal signatures
        interface SignalSignatures extends GObject.Object.SignalSignatures {}

        // Constructor properties interface
        interface ConstructorProps extends GObject.Object.ConstructorProps {}
    }

    abstract class AnimationTarget extends GObject.Object {
        static $gtype: GObject.GType<AnimationTarget>;

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: AnimationTarget.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<AnimationTarget.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        // Signals
        /** @signal */
        connect<K extends keyof AnimationTarget.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, AnimationTarget.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof AnimationTarget.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, AnimationTarget.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof AnimationTarget.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<AnimationTarget.SignalSignatures[K]>): void;
    }


    namespace Application {
        // Signal signatures
        interface SignalSignatures extends Gtk.Application.SignalSignatures, Gio.ActionGroup.SignalSignatures {
            "notify::style-manager": (pspec: GObject.ParamSpec) => void;
            "notify::active-window": (pspec: GObject.ParamSpec) => void;
            "notify::menubar": (pspec: GObject.ParamSpec) => void;
            "notify::register-session": (pspec: GObject.ParamSpec) => void;
            "notify::screensaver-active": (pspec: GObject.ParamSpec) => void;
            "notify::action-group": (pspec: GObject.ParamSpec) => void;
            "notify::application-id": (pspec: GObject.ParamSpec) => void;
            "notify::flags": (pspec: GObject.ParamSpec) => void;
            "notify::inactivity-timeout": (pspec: GObject.ParamSpec) => void;
            "notify::is-busy": (pspec: GObject.ParamSpec) => void;
            "notify::is-registered": (pspec: GObject.ParamSpec) => void;
            "notify::is-remote": (pspec: GObject.ParamSpec) => void;
            "notify::resource-base-path": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Application.ConstructorProps, Gio.ActionGroup.ConstructorProps, Gio.ActionMap.ConstructorProps {
            style_manager: StyleManager;
            styleManager: StyleManager;
        }
    }

    class Application extends Gtk.Application implements Gio.ActionGroup, Gio.ActionMap {
        static $gtype: GObject.GType<Application>;

        // Properties
        get style_manager(): StyleManager;

        get styleManager(): StyleManager;

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: Application.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<Application.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](application_id: string | null, flags: Gio.ApplicationFlags): Application;

        // Signals
        /** @signal */
        connect<K extends keyof Application.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Application.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof Application.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Application.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof Application.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<Application.SignalSignatures[K]>): void;

        // Methods
        get_style_manager(): StyleManager;
    }


    namespace ApplicationWindow {
        // Signal signatures
        interface SignalSignatures extends Gtk.ApplicationWindow.SignalSignatures, Gio.ActionGroup.SignalSignatures {
            "notify::content": (pspec: GObject.ParamSpec) => void;
            "notify::show-menubar": (pspec: GObject.ParamSpec) => void;
            "notify::application": (pspec: GObject.ParamSpec) => void;
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::decorated": (pspec: GObject.ParamSpec) => void;
            "notify::default-height": (pspec: GObject.ParamSpec) => void;
            "notify::default-widget": (pspec: GObject.ParamSpec) => void;
            "notify::default-width": (pspec: GObject.ParamSpec) => void;
            "notify::deletable": (pspec: GObject.ParamSpec) => void;
            "notify::destroy-with-parent": (pspec: GObject.ParamSpec) => void;
            "notify::display": (pspec: GObject.ParamSpec) => void;
            "notify::focus-visible": (pspec: GObject.ParamSpec) => void;
            "notify::focus-widget": (pspec: GObject.ParamSpec) => void;
            "notify::fullscreened": (pspec: GObject.ParamSpec) => void;
            "notify::handle-menubar-accel": (pspec: GObject.ParamSpec) => void;
            "notify::hide-on-close": (pspec: GObject.ParamSpec) => void;
            "notify::icon-name": (pspec: GObject.ParamSpec) => void;
            "notify::is-active": (pspec: GObject.ParamSpec) => void;
            "notify::maximized": (pspec: GObject.ParamSpec) => void;
            "notify::mnemonics-visible": (pspec: GObject.ParamSpec) => void;
            "notify::modal": (pspec: GObject.ParamSpec) => void;
            "notify::resizable": (pspec: GObject.ParamSpec) => void;
            "notify::startup-id": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::titlebar": (pspec: GObject.ParamSpec) => void;
            "notify::transient-for": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.ApplicationWindow.ConstructorProps, Gio.ActionGroup.ConstructorProps, Gio.ActionMap.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Native.ConstructorProps, Gtk.Root.ConstructorProps, Gtk.ShortcutManager.ConstructorProps {
            content: Gtk.Widget | null;
        }
    }

    class ApplicationWindow extends Gtk.ApplicationWindow implements Gio.ActionGroup, Gio.ActionMap, Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Native, Gtk.Root, Gtk.ShortcutManager {
        static $gtype: GObject.GType<ApplicationWindow>;

        // Properties
        get content(): Gtk.Widget | null;
        set content(val: Gtk.Widget | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: ApplicationWindow.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<ApplicationWindow.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](app: Gtk.Application): ApplicationWindow;

        // Conflicted with Gtk.Window.new
        static ["new"](...args: never[]): any;

        // Signals
        /** @signal */
        connect<K extends keyof ApplicationWindow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ApplicationWindow.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof ApplicationWindow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ApplicationWindow.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof ApplicationWindow.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<ApplicationWindow.SignalSignatures[K]>): void;

        // Methods
        get_content(): Gtk.Widget | null;

        set_content(content: Gtk.Widget | null): void;

        action_added(action_name: string): void;

        action_enabled_changed(action_name: string, enabled: boolean): void;

        action_removed(action_name: string): void;

        action_state_changed(action_name: string, state: GLib.Variant): void;

        activate_action(action_name: string, parameter: GLib.Variant | null): void;

        // Conflicted with Gtk.Widget.activate_action
        activate_action(...args: never[]): any;

        change_action_state(action_name: string, value: GLib.Variant): void;

        get_action_enabled(action_name: string): boolean;

        get_action_parameter_type(action_name: string): GLib.VariantType | null;

        get_action_state(action_name: string): GLib.Variant | null;

        get_action_state_hint(action_name: string): GLib.Variant | null;

        get_action_state_type(action_name: string): GLib.VariantType | null;

        has_action(action_name: string): boolean;

        list_actions(): string[];

        query_action(action_name: string): [boolean, boolean, GLib.VariantType | null, GLib.VariantType | null, GLib.Variant | null, GLib.Variant | null];

        vfunc_action_added(action_name: string): void;

        vfunc_action_enabled_changed(action_name: string, enabled: boolean): void;

        vfunc_action_removed(action_name: string): void;

        vfunc_action_state_changed(action_name: string, state: GLib.Variant): void;

        vfunc_activate_action(action_name: string, parameter: GLib.Variant | null): void;

        vfunc_change_action_state(action_name: string, value: GLib.Variant): void;

        vfunc_get_action_enabled(action_name: string): boolean;

        vfunc_get_action_parameter_type(action_name: string): GLib.VariantType | null;

        vfunc_get_action_state(action_name: string): GLib.Variant | null;

        vfunc_get_action_state_hint(action_name: string): GLib.Variant | null;

        vfunc_get_action_state_type(action_name: string): GLib.VariantType | null;

        vfunc_has_action(action_name: string): boolean;

        vfunc_list_actions(): string[];

        vfunc_query_action(action_name: string): [boolean, boolean, GLib.VariantType | null, GLib.VariantType | null, GLib.Variant | null, GLib.Variant | null];

        add_action(action: Gio.Action): void;

        add_action_entries(entries: Gio.ActionEntryObj[]): void;

        lookup_action(action_name: string): Gio.Action | null;

        remove_action(action_name: string): void;

        vfunc_add_action(action: Gio.Action): void;

        vfunc_lookup_action(action_name: string): Gio.Action | null;

        vfunc_remove_action(action_name: string): void;
    }


    namespace Avatar {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::custom-image": (pspec: GObject.ParamSpec) => void;
            "notify::icon-name": (pspec: GObject.ParamSpec) => void;
            "notify::show-initials": (pspec: GObject.ParamSpec) => void;
            "notify::size": (pspec: GObject.ParamSpec) => void;
            "notify::text": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            custom_image: Gdk.Paintable | null;
            customImage: Gdk.Paintable | null;
            icon_name: string | null;
            iconName: string | null;
            show_initials: boolean;
            showInitials: boolean;
            size: number;
            text: string | null;
        }
    }

    class Avatar extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<Avatar>;

        // Properties
        get custom_image(): Gdk.Paintable | null;
        set custom_image(val: Gdk.Paintable | null);

        get customImage(): Gdk.Paintable | null;
        set customImage(val: Gdk.Paintable | null);

        get icon_name(): string | null;
        set icon_name(val: string | null);

        get iconName(): string | null;
        set iconName(val: string | null);

        get show_initials(): boolean;
        set show_initials(val: boolean);

        get showInitials(): boolean;
        set showInitials(val: boolean);

        get size(): number;
        set size(val: number);

        get text(): string | null;
        set text(val: string | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: Avatar.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<Avatar.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](size: number, text: string | null, show_initials: boolean): Avatar;

        // Signals
        /** @signal */
        connect<K extends keyof Avatar.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Avatar.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof Avatar.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Avatar.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof Avatar.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<Avatar.SignalSignatures[K]>): void;

        // Methods
        draw_to_texture(scale_factor: number): Gdk.Texture;

        get_custom_image(): Gdk.Paintable | null;

        get_icon_name(): string | null;

        get_show_initials(): boolean;

        get_size(): number;

        get_text(): string | null;

        set_custom_image(custom_image: Gdk.Paintable | null): void;

        set_icon_name(icon_name: string | null): void;

        set_show_initials(show_initials: boolean): void;

        set_size(size: number): void;

        set_text(text: string | null): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace Bin {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            child: Gtk.Widget | null;
        }
    }

    class Bin extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<Bin>;

        // Properties
        get child(): Gtk.Widget | null;
        set child(val: Gtk.Widget | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: Bin.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<Bin.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): Bin;

        // Signals
        /** @signal */
        connect<K extends keyof Bin.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Bin.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof Bin.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Bin.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof Bin.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<Bin.SignalSignatures[K]>): void;

        // Methods
        get_child(): Gtk.Widget | null;

        set_child(child: Gtk.Widget | null): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace ButtonContent {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::icon-name": (pspec: GObject.ParamSpec) => void;
            "notify::label": (pspec: GObject.ParamSpec) => void;
            "notify::use-underline": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            icon_name: string;
            iconName: string;
            label: string;
            use_underline: boolean;
            useUnderline: boolean;
        }
    }

    class ButtonContent extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<ButtonContent>;

        // Properties
        get icon_name(): string;
        set icon_name(val: string);

        get iconName(): string;
        set iconName(val: string);

        get label(): string;
        set label(val: string);

        get use_underline(): boolean;
        set use_underline(val: boolean);

        get useUnderline(): boolean;
        set useUnderline(val: boolean);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: ButtonContent.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<ButtonContent.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): ButtonContent;

        // Signals
        /** @signal */
        connect<K extends keyof ButtonContent.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ButtonContent.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof ButtonContent.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ButtonContent.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof ButtonContent.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<ButtonContent.SignalSignatures[K]>): void;

        // Methods
        get_icon_name(): string;

        get_label(): string;

        get_use_underline(): boolean;

        set_icon_name(icon_name: string): void;

        set_label(label: string): void;

        set_use_underline(use_underline: boolean): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace CallbackAnimationTarget {
        // Signal signatures
        interface SignalSignatures extends AnimationTarget.SignalSignatures {}

        // Constructor properties interface
        interface ConstructorProps extends AnimationTarget.ConstructorProps {}
    }

    class CallbackAnimationTarget extends AnimationTarget {
        static $gtype: GObject.GType<CallbackAnimationTarget>;

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: CallbackAnimationTarget.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<CallbackAnimationTarget.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](callback: AnimationTargetFunc): CallbackAnimationTarget;

        // Signals
        /** @signal */
        connect<K extends keyof CallbackAnimationTarget.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, CallbackAnimationTarget.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof CallbackAnimationTarget.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, CallbackAnimationTarget.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof CallbackAnimationTarget.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<CallbackAnimationTarget.SignalSignatures[K]>): void;
    }


    namespace Carousel {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            /** @signal */
            "page-changed": (index: number) => void;
            "notify::allow-long-swipes": (pspec: GObject.ParamSpec) => void;
            "notify::allow-mouse-drag": (pspec: GObject.ParamSpec) => void;
            "notify::allow-scroll-wheel": (pspec: GObject.ParamSpec) => void;
            "notify::interactive": (pspec: GObject.ParamSpec) => void;
            "notify::n-pages": (pspec: GObject.ParamSpec) => void;
            "notify::position": (pspec: GObject.ParamSpec) => void;
            "notify::reveal-duration": (pspec: GObject.ParamSpec) => void;
            "notify::scroll-params": (pspec: GObject.ParamSpec) => void;
            "notify::spacing": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
            "notify::orientation": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Swipeable.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Orientable.ConstructorProps {
            allow_long_swipes: boolean;
            allowLongSwipes: boolean;
            allow_mouse_drag: boolean;
            allowMouseDrag: boolean;
            allow_scroll_wheel: boolean;
            allowScrollWheel: boolean;
            interactive: boolean;
            n_pages: number;
            nPages: number;
            position: number;
            reveal_duration: number;
            revealDuration: number;
            scroll_params: SpringParams;
            scrollParams: SpringParams;
            spacing: number;
        }
    }

    class Carousel extends Gtk.Widget implements Swipeable, Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Orientable {
        static $gtype: GObject.GType<Carousel>;

        // Properties
        get allow_long_swipes(): boolean;
        set allow_long_swipes(val: boolean);

        get allowLongSwipes(): boolean;
        set allowLongSwipes(val: boolean);

        get allow_mouse_drag(): boolean;
        set allow_mouse_drag(val: boolean);

        get allowMouseDrag(): boolean;
        set allowMouseDrag(val: boolean);

        get allow_scroll_wheel(): boolean;
        set allow_scroll_wheel(val: boolean);

        get allowScrollWheel(): boolean;
        set allowScrollWheel(val: boolean);

        get interactive(): boolean;
        set interactive(val: boolean);

        get n_pages(): number;

        get nPages(): number;

        get position(): number;

        get reveal_duration(): number;
        set reveal_duration(val: number);

        get revealDuration(): number;
        set revealDuration(val: number);

        get scroll_params(): SpringParams;
        set scroll_params(val: SpringParams);

        get scrollParams(): SpringParams;
        set scrollParams(val: SpringParams);

        get spacing(): number;
        set spacing(val: number);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: Carousel.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<Carousel.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): Carousel;

        // Signals
        /** @signal */
        connect<K extends keyof Carousel.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Carousel.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof Carousel.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Carousel.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof Carousel.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<Carousel.SignalSignatures[K]>): void;

        // Methods
        append(child: Gtk.Widget): void;

        get_allow_long_swipes(): boolean;

        get_allow_mouse_drag(): boolean;

        get_allow_scroll_wheel(): boolean;

        get_interactive(): boolean;

        get_n_pages(): number;

        get_nth_page(n: number): Gtk.Widget;

        get_position(): number;

        get_reveal_duration(): number;

        get_scroll_params(): SpringParams;

        get_spacing(): number;

        insert(child: Gtk.Widget, position: number): void;

        prepend(child: Gtk.Widget): void;

        remove(child: Gtk.Widget): void;

        reorder(child: Gtk.Widget, position: number): void;

        scroll_to(widget: Gtk.Widget, animate: boolean): void;

        set_allow_long_swipes(allow_long_swipes: boolean): void;

        set_allow_mouse_drag(allow_mouse_drag: boolean): void;

        set_allow_scroll_wheel(allow_scroll_wheel: boolean): void;

        set_interactive(interactive: boolean): void;

        set_reveal_duration(reveal_duration: number): void;

        set_scroll_params(params: SpringParams): void;

        set_spacing(spacing: number): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Orientable */
        get orientation(): Gtk.Orientation;
        set orientation(val: Gtk.Orientation);

        get_cancel_progress(): number;

        get_distance(): number;

        get_progress(): number;

        get_snap_points(): number[];

        get_swipe_area(navigation_direction: NavigationDirection, is_drag: boolean): Gdk.Rectangle;

        vfunc_get_cancel_progress(): number;

        vfunc_get_distance(): number;

        vfunc_get_progress(): number;

        vfunc_get_snap_points(): number[];

        vfunc_get_swipe_area(navigation_direction: NavigationDirection, is_drag: boolean): Gdk.Rectangle;

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;

        get_orientation(): Gtk.Orientation;

        set_orientation(orientation: Gtk.Orientation): void;
    }


    namespace CarouselIndicatorDots {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::carousel": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
            "notify::orientation": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Orientable.ConstructorProps {
            carousel: Carousel | null;
        }
    }

    class CarouselIndicatorDots extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Orientable {
        static $gtype: GObject.GType<CarouselIndicatorDots>;

        // Properties
        get carousel(): Carousel | null;
        set carousel(val: Carousel | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: CarouselIndicatorDots.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<CarouselIndicatorDots.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): CarouselIndicatorDots;

        // Signals
        /** @signal */
        connect<K extends keyof CarouselIndicatorDots.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, CarouselIndicatorDots.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof CarouselIndicatorDots.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, CarouselIndicatorDots.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof CarouselIndicatorDots.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<CarouselIndicatorDots.SignalSignatures[K]>): void;

        // Methods
        get_carousel(): Carousel | null;

        set_carousel(carousel: Carousel | null): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Orientable */
        get orientation(): Gtk.Orientation;
        set orientation(val: Gtk.Orientation);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;

        get_orientation(): Gtk.Orientation;

        set_orientation(orientation: Gtk.Orientation): void;
    }


    namespace CarouselIndicatorLines {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::carousel": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
            "notify::orientation": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Orientable.ConstructorProps {
            carousel: Carousel | null;
        }
    }

    class CarouselIndicatorLines extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Orientable {
        static $gtype: GObject.GType<CarouselIndicatorLines>;

        // Properties
        get carousel(): Carousel | null;
        set carousel(val: Carousel | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: CarouselIndicatorLines.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<CarouselIndicatorLines.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): CarouselIndicatorLines;

        // Signals
        /** @signal */
        connect<K extends keyof CarouselIndicatorLines.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, CarouselIndicatorLines.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof CarouselIndicatorLines.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, CarouselIndicatorLines.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof CarouselIndicatorLines.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<CarouselIndicatorLines.SignalSignatures[K]>): void;

        // Methods
        get_carousel(): Carousel | null;

        set_carousel(carousel: Carousel | null): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Orientable */
        get orientation(): Gtk.Orientation;
        set orientation(val: Gtk.Orientation);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;

        get_orientation(): Gtk.Orientation;

        set_orientation(orientation: Gtk.Orientation): void;
    }


    namespace Clamp {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::maximum-size": (pspec: GObject.ParamSpec) => void;
            "notify::tightening-threshold": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
            "notify::orientation": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Orientable.ConstructorProps {
            child: Gtk.Widget | null;
            maximum_size: number;
            maximumSize: number;
            tightening_threshold: number;
            tighteningThreshold: number;
        }
    }

    class Clamp extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Orientable {
        static $gtype: GObject.GType<Clamp>;

        // Properties
        get child(): Gtk.Widget | null;
        set child(val: Gtk.Widget | null);

        get maximum_size(): number;
        set maximum_size(val: number);

        get maximumSize(): number;
        set maximumSize(val: number);

        get tightening_threshold(): number;
        set tightening_threshold(val: number);

        get tighteningThreshold(): number;
        set tighteningThreshold(val: number);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: Clamp.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<Clamp.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): Clamp;

        // Signals
        /** @signal */
        connect<K extends keyof Clamp.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Clamp.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof Clamp.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Clamp.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof Clamp.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<Clamp.SignalSignatures[K]>): void;

        // Methods
        get_child(): Gtk.Widget | null;

        get_maximum_size(): number;

        get_tightening_threshold(): number;

        set_child(child: Gtk.Widget | null): void;

        set_maximum_size(maximum_size: number): void;

        set_tightening_threshold(tightening_threshold: number): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Orientable */
        get orientation(): Gtk.Orientation;
        set orientation(val: Gtk.Orientation);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;

        get_orientation(): Gtk.Orientation;

        set_orientation(orientation: Gtk.Orientation): void;
    }


    namespace ClampLayout {
        // Signal signatures
        interface SignalSignatures extends Gtk.LayoutManager.SignalSignatures {
            "notify::maximum-size": (pspec: GObject.ParamSpec) => void;
            "notify::tightening-threshold": (pspec: GObject.ParamSpec) => void;
            "notify::orientation": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.LayoutManager.ConstructorProps, Gtk.Orientable.ConstructorProps {
            maximum_size: number;
            maximumSize: number;
            tightening_threshold: number;
            tighteningThreshold: number;
        }
    }

    class ClampLayout extends Gtk.LayoutManager implements Gtk.Orientable {
        static $gtype: GObject.GType<ClampLayout>;

        // Properties
        get maximum_size(): number;
        set maximum_size(val: number);

        get maximumSize(): number;
        set maximumSize(val: number);

        get tightening_threshold(): number;
        set tightening_threshold(val: number);

        get tighteningThreshold(): number;
        set tighteningThreshold(val: number);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: ClampLayout.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<ClampLayout.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): ClampLayout;

        // Signals
        /** @signal */
        connect<K extends keyof ClampLayout.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ClampLayout.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof ClampLayout.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ClampLayout.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof ClampLayout.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<ClampLayout.SignalSignatures[K]>): void;

        // Methods
        get_maximum_size(): number;

        get_tightening_threshold(): number;

        set_maximum_size(maximum_size: number): void;

        set_tightening_threshold(tightening_threshold: number): void;

        /** @category Inherited from Gtk.Orientable */
        get orientation(): Gtk.Orientation;
        set orientation(val: Gtk.Orientation);

        get_orientation(): Gtk.Orientation;

        set_orientation(orientation: Gtk.Orientation): void;
    }


    namespace ClampScrollable {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::maximum-size": (pspec: GObject.ParamSpec) => void;
            "notify::tightening-threshold": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
            "notify::orientation": (pspec: GObject.ParamSpec) => void;
            "notify::hadjustment": (pspec: GObject.ParamSpec) => void;
            "notify::hscroll-policy": (pspec: GObject.ParamSpec) => void;
            "notify::vadjustment": (pspec: GObject.ParamSpec) => void;
            "notify::vscroll-policy": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Orientable.ConstructorProps, Gtk.Scrollable.ConstructorProps {
            child: Gtk.Widget | null;
            maximum_size: number;
            maximumSize: number;
            tightening_threshold: number;
            tighteningThreshold: number;
        }
    }

    class ClampScrollable extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Orientable, Gtk.Scrollable {
        static $gtype: GObject.GType<ClampScrollable>;

        // Properties
        get child(): Gtk.Widget | null;
        set child(val: Gtk.Widget | null);

        get maximum_size(): number;
        set maximum_size(val: number);

        get maximumSize(): number;
        set maximumSize(val: number);

        get tightening_threshold(): number;
        set tightening_threshold(val: number);

        get tighteningThreshold(): number;
        set tighteningThreshold(val: number);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: ClampScrollable.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<ClampScrollable.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): ClampScrollable;

        // Signals
        /** @signal */
        connect<K extends keyof ClampScrollable.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ClampScrollable.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof ClampScrollable.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ClampScrollable.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof ClampScrollable.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<ClampScrollable.SignalSignatures[K]>): void;

        // Methods
        get_child(): Gtk.Widget | null;

        get_maximum_size(): number;

        get_tightening_threshold(): number;

        set_child(child: Gtk.Widget | null): void;

        set_maximum_size(maximum_size: number): void;

        set_tightening_threshold(tightening_threshold: number): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Orientable */
        get orientation(): Gtk.Orientation;
        set orientation(val: Gtk.Orientation);

        /** @category Inherited from Gtk.Scrollable */
        get hadjustment(): Gtk.Adjustment | null;
        set hadjustment(val: Gtk.Adjustment | null);

        /** @category Inherited from Gtk.Scrollable */
        get hscroll_policy(): Gtk.ScrollablePolicy;
        set hscroll_policy(val: Gtk.ScrollablePolicy);

        /** @category Inherited from Gtk.Scrollable */
        get hscrollPolicy(): Gtk.ScrollablePolicy;
        set hscrollPolicy(val: Gtk.ScrollablePolicy);

        /** @category Inherited from Gtk.Scrollable */
        get vadjustment(): Gtk.Adjustment | null;
        set vadjustment(val: Gtk.Adjustment | null);

        /** @category Inherited from Gtk.Scrollable */
        get vscroll_policy(): Gtk.ScrollablePolicy;
        set vscroll_policy(val: Gtk.ScrollablePolicy);

        /** @category Inherited from Gtk.Scrollable */
        get vscrollPolicy(): Gtk.ScrollablePolicy;
        set vscrollPolicy(val: Gtk.ScrollablePolicy);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;

        get_orientation(): Gtk.Orientation;

        set_orientation(orientation: Gtk.Orientation): void;

        get_border(): [boolean, Gtk.Border];

        get_hadjustment(): Gtk.Adjustment | null;

        get_hscroll_policy(): Gtk.ScrollablePolicy;

        get_vadjustment(): Gtk.Adjustment | null;

        get_vscroll_policy(): Gtk.ScrollablePolicy;

        set_hadjustment(hadjustment: Gtk.Adjustment | null): void;

        set_hscroll_policy(policy: Gtk.ScrollablePolicy): void;

        set_vadjustment(vadjustment: Gtk.Adjustment | null): void;

        set_vscroll_policy(policy: Gtk.ScrollablePolicy): void;

        vfunc_get_border(): [boolean, Gtk.Border];
    }


    namespace ComboRow {
        // Signal signatures
        interface SignalSignatures extends ActionRow.SignalSignatures {
            "notify::expression": (pspec: GObject.ParamSpec) => void;
            "notify::factory": (pspec: GObject.ParamSpec) => void;
            "notify::list-factory": (pspec: GObject.ParamSpec) => void;
            "notify::model": (pspec: GObject.ParamSpec) => void;
            "notify::selected": (pspec: GObject.ParamSpec) => void;
            "notify::selected-item": (pspec: GObject.ParamSpec) => void;
            "notify::use-subtitle": (pspec: GObject.ParamSpec) => void;
            "notify::activatable-widget": (pspec: GObject.ParamSpec) => void;
            "notify::icon-name": (pspec: GObject.ParamSpec) => void;
            "notify::subtitle": (pspec: GObject.ParamSpec) => void;
            "notify::subtitle-lines": (pspec: GObject.ParamSpec) => void;
            "notify::title-lines": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::title-selectable": (pspec: GObject.ParamSpec) => void;
            "notify::use-markup": (pspec: GObject.ParamSpec) => void;
            "notify::use-underline": (pspec: GObject.ParamSpec) => void;
            "notify::activatable": (pspec: GObject.ParamSpec) => void;
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::selectable": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends ActionRow.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Actionable.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            expression: Gtk.Expression | null;
            factory: Gtk.ListItemFactory | null;
            list_factory: Gtk.ListItemFactory | null;
            listFactory: Gtk.ListItemFactory | null;
            model: Gio.ListModel | null;
            selected: number;
            selected_item: GObject.Object | null;
            selectedItem: GObject.Object | null;
            use_subtitle: boolean;
            useSubtitle: boolean;
        }
    }

    class ComboRow extends ActionRow implements Gtk.Accessible, Gtk.Actionable, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<ComboRow>;

        // Properties
        get expression(): Gtk.Expression | null;
        set expression(val: Gtk.Expression | null);

        get factory(): Gtk.ListItemFactory | null;
        set factory(val: Gtk.ListItemFactory | null);

        get list_factory(): Gtk.ListItemFactory | null;
        set list_factory(val: Gtk.ListItemFactory | null);

        get listFactory(): Gtk.ListItemFactory | null;
        set listFactory(val: Gtk.ListItemFactory | null);

        get model(): Gio.ListModel | null;
        set model(val: Gio.ListModel | null);

        get selected(): number;
        set selected(val: number);

        get selected_item(): GObject.Object | null;

        get selectedItem(): GObject.Object | null;

        get use_subtitle(): boolean;
        set use_subtitle(val: boolean);

        get useSubtitle(): boolean;
        set useSubtitle(val: boolean);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: ComboRow.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<ComboRow.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): ComboRow;

        // Signals
        /** @signal */
        connect<K extends keyof ComboRow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ComboRow.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof ComboRow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ComboRow.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof ComboRow.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<ComboRow.SignalSignatures[K]>): void;

        // Methods
        get_expression(): Gtk.Expression | null;

        get_factory(): Gtk.ListItemFactory | null;

        get_list_factory(): Gtk.ListItemFactory | null;

        get_model(): Gio.ListModel | null;

        get_selected(): number;

        get_selected_item<T = GObject.Object>(): T;

        get_use_subtitle(): boolean;

        set_expression(expression: Gtk.Expression | null): void;

        set_factory(factory: Gtk.ListItemFactory | null): void;

        set_list_factory(factory: Gtk.ListItemFactory | null): void;

        set_model(model: Gio.ListModel | null): void;

        set_selected(position: number): void;

        set_use_subtitle(use_subtitle: boolean): void;

        activate(): boolean;

        // Conflicted with Adw.ActionRow.activate
        activate(...args: never[]): any;
    }


    namespace EntryRow {
        // Signal signatures
        interface SignalSignatures extends PreferencesRow.SignalSignatures, Gtk.Editable.SignalSignatures {
            /** @signal */
            apply: () => void;
            /** @signal */
            "entry-activated": () => void;
            "notify::activates-default": (pspec: GObject.ParamSpec) => void;
            "notify::attributes": (pspec: GObject.ParamSpec) => void;
            "notify::enable-emoji-completion": (pspec: GObject.ParamSpec) => void;
            "notify::input-hints": (pspec: GObject.ParamSpec) => void;
            "notify::input-purpose": (pspec: GObject.ParamSpec) => void;
            "notify::show-apply-button": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::title-selectable": (pspec: GObject.ParamSpec) => void;
            "notify::use-markup": (pspec: GObject.ParamSpec) => void;
            "notify::use-underline": (pspec: GObject.ParamSpec) => void;
            "notify::activatable": (pspec: GObject.ParamSpec) => void;
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::selectable": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::cursor-position": (pspec: GObject.ParamSpec) => void;
            "notify::editable": (pspec: GObject.ParamSpec) => void;
            "notify::enable-undo": (pspec: GObject.ParamSpec) => void;
            "notify::max-width-chars": (pspec: GObject.ParamSpec) => void;
            "notify::selection-bound": (pspec: GObject.ParamSpec) => void;
            "notify::text": (pspec: GObject.ParamSpec) => void;
            "notify::width-chars": (pspec: GObject.ParamSpec) => void;
            "notify::xalign": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends PreferencesRow.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Actionable.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Editable.ConstructorProps {
            activates_default: boolean;
            activatesDefault: boolean;
            attributes: Pango.AttrList | null;
            enable_emoji_completion: boolean;
            enableEmojiCompletion: boolean;
            input_hints: Gtk.InputHints;
            inputHints: Gtk.InputHints;
            input_purpose: Gtk.InputPurpose;
            inputPurpose: Gtk.InputPurpose;
            show_apply_button: boolean;
            showApplyButton: boolean;
        }
    }

    class EntryRow extends PreferencesRow implements Gtk.Accessible, Gtk.Actionable, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Editable {
        static $gtype: GObject.GType<EntryRow>;

        // Properties
        get activates_default(): boolean;
        set activates_default(val: boolean);

        get activatesDefault(): boolean;
        set activatesDefault(val: boolean);

        get attributes(): Pango.AttrList | null;
        set attributes(val: Pango.AttrList | null);

        get enable_emoji_completion(): boolean;
        set enable_emoji_completion(val: boolean);

        get enableEmojiCompletion(): boolean;
        set enableEmojiCompletion(val: boolean);

        get input_hints(): Gtk.InputHints;
        set input_hints(val: Gtk.InputHints);

        get inputHints(): Gtk.InputHints;
        set inputHints(val: Gtk.InputHints);

        get input_purpose(): Gtk.InputPurpose;
        set input_purpose(val: Gtk.InputPurpose);

        get inputPurpose(): Gtk.InputPurpose;
        set inputPurpose(val: Gtk.InputPurpose);

        get show_apply_button(): boolean;
        set show_apply_button(val: boolean);

        get showApplyButton(): boolean;
        set showApplyButton(val: boolean);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: EntryRow.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<EntryRow.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): EntryRow;

        // Signals
        /** @signal */
        connect<K extends keyof EntryRow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, EntryRow.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof EntryRow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, EntryRow.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof EntryRow.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<EntryRow.SignalSignatures[K]>): void;

        // Methods
        add_prefix(widget: Gtk.Widget): void;

        add_suffix(widget: Gtk.Widget): void;

        get_activates_default(): boolean;

        get_attributes(): Pango.AttrList | null;

        get_enable_emoji_completion(): boolean;

        get_input_hints(): Gtk.InputHints;

        get_input_purpose(): Gtk.InputPurpose;

        get_show_apply_button(): boolean;

        remove(widget: Gtk.Widget): void;

        set_activates_default(activates: boolean): void;

        set_attributes(attributes: Pango.AttrList | null): void;

        set_enable_emoji_completion(enable_emoji_completion: boolean): void;

        set_input_hints(hints: Gtk.InputHints): void;

        set_input_purpose(purpose: Gtk.InputPurpose): void;

        set_show_apply_button(show_apply_button: boolean): void;

        /** @category Inherited from Gtk.Editable */
        get cursor_position(): number;

        /** @category Inherited from Gtk.Editable */
        get cursorPosition(): number;

        /** @category Inherited from Gtk.Editable */
        get editable(): boolean;
        set editable(val: boolean);

        /** @category Inherited from Gtk.Editable */
        get enable_undo(): boolean;
        set enable_undo(val: boolean);

        /** @category Inherited from Gtk.Editable */
        get enableUndo(): boolean;
        set enableUndo(val: boolean);

        /** @category Inherited from Gtk.Editable */
        get max_width_chars(): number;
        set max_width_chars(val: number);

        /** @category Inherited from Gtk.Editable */
        get maxWidthChars(): number;
        set maxWidthChars(val: number);

        /** @category Inherited from Gtk.Editable */
        get selection_bound(): number;

        /** @category Inherited from Gtk.Editable */
        get selectionBound(): number;

        /** @category Inherited from Gtk.Editable */
        get text(): string;
        set text(val: string);

        /** @category Inherited from Gtk.Editable */
        get width_chars(): number;
        set width_chars(val: number);

        /** @category Inherited from Gtk.Editable */
        get widthChars(): number;
        set widthChars(val: number);

        /** @category Inherited from Gtk.Editable */
        get xalign(): number;
        set xalign(val: number);

        delete_selection(): void;

        delete_text(start_pos: number, end_pos: number): void;

        finish_delegate(): void;

        get_alignment(): number;

        get_chars(start_pos: number, end_pos: number): string;

        get_delegate(): Gtk.Editable | null;

        get_editable(): boolean;

        get_enable_undo(): boolean;

        get_max_width_chars(): number;

        get_position(): number;

        get_selection_bounds(): [boolean, number, number];

        get_text(): string;

        get_width_chars(): number;

        init_delegate(): void;

        insert_text(text: string, length: number, position: number): number;

        select_region(start_pos: number, end_pos: number): void;

        set_alignment(xalign: number): void;

        set_editable(is_editable: boolean): void;

        set_enable_undo(enable_undo: boolean): void;

        set_max_width_chars(n_chars: number): void;

        set_position(position: number): void;

        set_text(text: string): void;

        set_width_chars(n_chars: number): void;

        vfunc_changed(): void;

        vfunc_delete_text(start_pos: number, end_pos: number): void;

        vfunc_do_delete_text(start_pos: number, end_pos: number): void;

        vfunc_do_insert_text(text: string, length: number, position: number): number;

        vfunc_get_delegate(): Gtk.Editable | null;

        vfunc_get_selection_bounds(): [boolean, number, number];

        vfunc_get_text(): string;

        vfunc_insert_text(text: string, length: number, position: number): number;

        vfunc_set_selection_bounds(start_pos: number, end_pos: number): void;
    }


    namespace EnumListItem {
        // Signal signatures
        interface SignalSignatures extends GObject.Object.SignalSignatures {
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::nick": (pspec: GObject.ParamSpec) => void;
            "notify::value": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends GObject.Object.ConstructorProps {
            name: string;
            nick: string;
            value: number;
        }
    }

    class EnumListItem extends GObject.Object {
        static $gtype: GObject.GType<EnumListItem>;

        // Properties
        get name(): string;

        get nick(): string;

        get value(): number;

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: EnumListItem.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<EnumListItem.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        // Signals
        /** @signal */
        connect<K extends keyof EnumListItem.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, EnumListItem.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof EnumListItem.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, EnumListItem.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof EnumListItem.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<EnumListItem.SignalSignatures[K]>): void;

        // Methods
        get_name(): string;

        get_nick(): string;

        get_value(): number;
    }


    namespace EnumListModel {
        // Signal signatures
        interface SignalSignatures extends GObject.Object.SignalSignatures, Gio.ListModel.SignalSignatures {
            "notify::enum-type": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps<A extends GObject.Object = GObject.Object> extends GObject.Object.ConstructorProps, Gio.ListModel.ConstructorProps {
            enum_type: GObject.GTypeInput;
            enumType: GObject.GTypeInput;
        }
    }

    class EnumListModel<A extends GObject.Object = GObject.Object> extends GObject.Object implements Gio.ListModel<A> {
        static $gtype: GObject.GType<EnumListModel>;

        // Properties
        get enum_type(): GObject.GType;

        get enumType(): GObject.GType;

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: EnumListModel.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<EnumListModel.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](enum_type: GObject.GType): EnumListModel;

        // Signals
        /** @signal */
        connect<K extends keyof EnumListModel.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, EnumListModel.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof EnumListModel.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, EnumListModel.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof EnumListModel.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<EnumListModel.SignalSignatures[K]>): void;

        // Methods
        find_position(value: number): number;

        get_enum_type(): GObject.GType;

        get_item_type(): GObject.GType;

        get_n_items(): number;

        get_item(position: number): A | null;

        items_changed(position: number, removed: number, added: number): void;

        vfunc_get_item(position: number): A | null;

        vfunc_get_item_type(): GObject.GType;

        vfunc_get_n_items(): number;
    }


    namespace ExpanderRow {
        // Signal signatures
        interface SignalSignatures extends PreferencesRow.SignalSignatures {
            "notify::enable-expansion": (pspec: GObject.ParamSpec) => void;
            "notify::expanded": (pspec: GObject.ParamSpec) => void;
            "notify::icon-name": (pspec: GObject.ParamSpec) => void;
            "notify::show-enable-switch": (pspec: GObject.ParamSpec) => void;
            "notify::subtitle": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::title-selectable": (pspec: GObject.ParamSpec) => void;
            "notify::use-markup": (pspec: GObject.ParamSpec) => void;
            "notify::use-underline": (pspec: GObject.ParamSpec) => void;
            "notify::activatable": (pspec: GObject.ParamSpec) => void;
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::selectable": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends PreferencesRow.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Actionable.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            enable_expansion: boolean;
            enableExpansion: boolean;
            expanded: boolean;
            icon_name: string | null;
            iconName: string | null;
            show_enable_switch: boolean;
            showEnableSwitch: boolean;
            subtitle: string;
        }
    }

    class ExpanderRow extends PreferencesRow implements Gtk.Accessible, Gtk.Actionable, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<ExpanderRow>;

        // Properties
        get enable_expansion(): boolean;
        set enable_expansion(val: boolean);

        get enableExpansion(): boolean;
        set enableExpansion(val: boolean);

        get expanded(): boolean;
        set expanded(val: boolean);

        get icon_name(): string | null;
        set icon_name(val: string | null);

        get iconName(): string | null;
        set iconName(val: string | null);

        get show_enable_switch(): boolean;
        set show_enable_switch(val: boolean);

        get showEnableSwitch(): boolean;
        set showEnableSwitch(val: boolean);

        get subtitle(): string;
        set subtitle(val: string);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: ExpanderRow.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<ExpanderRow.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): ExpanderRow;

        // Signals
        /** @signal */
        connect<K extends keyof ExpanderRow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ExpanderRow.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof ExpanderRow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ExpanderRow.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof ExpanderRow.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<ExpanderRow.SignalSignatures[K]>): void;

        // Methods
        add_action(widget: Gtk.Widget): void;

        add_prefix(widget: Gtk.Widget): void;

        add_row(child: Gtk.Widget): void;

        get_enable_expansion(): boolean;

        get_expanded(): boolean;

        get_icon_name(): string | null;

        get_show_enable_switch(): boolean;

        get_subtitle(): string;

        remove(child: Gtk.Widget): void;

        set_enable_expansion(enable_expansion: boolean): void;

        set_expanded(expanded: boolean): void;

        set_icon_name(icon_name: string | null): void;

        set_show_enable_switch(show_enable_switch: boolean): void;

        set_subtitle(subtitle: string): void;
    }


    namespace Flap {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::content": (pspec: GObject.ParamSpec) => void;
            "notify::flap": (pspec: GObject.ParamSpec) => void;
            "notify::flap-position": (pspec: GObject.ParamSpec) => void;
            "notify::fold-duration": (pspec: GObject.ParamSpec) => void;
            "notify::fold-policy": (pspec: GObject.ParamSpec) => void;
            "notify::fold-threshold-policy": (pspec: GObject.ParamSpec) => void;
            "notify::folded": (pspec: GObject.ParamSpec) => void;
            "notify::locked": (pspec: GObject.ParamSpec) => void;
            "notify::modal": (pspec: GObject.ParamSpec) => void;
            "notify::reveal-flap": (pspec: GObject.ParamSpec) => void;
            "notify::reveal-params": (pspec: GObject.ParamSpec) => void;
            "notify::reveal-progress": (pspec: GObject.ParamSpec) => void;
            "notify::separator": (pspec: GObject.ParamSpec) => void;
            "notify::swipe-to-close": (pspec: GObject.ParamSpec) => void;
            "notify::swipe-to-open": (pspec: GObject.ParamSpec) => void;
            "notify::transition-type": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
            "notify::orientation": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Swipeable.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Orientable.ConstructorProps {
            content: Gtk.Widget | null;
            flap: Gtk.Widget | null;
            flap_position: Gtk.PackType;
            flapPosition: Gtk.PackType;
            fold_duration: number;
            foldDuration: number;
            fold_policy: FlapFoldPolicy;
            foldPolicy: FlapFoldPolicy;
            fold_threshold_policy: FoldThresholdPolicy;
            foldThresholdPolicy: FoldThresholdPolicy;
            folded: boolean;
            locked: boolean;
            modal: boolean;
            reveal_flap: boolean;
            revealFlap: boolean;
            reveal_params: SpringParams;
            revealParams: SpringParams;
            reveal_progress: number;
            revealProgress: number;
            separator: Gtk.Widget | null;
            swipe_to_close: boolean;
            swipeToClose: boolean;
            swipe_to_open: boolean;
            swipeToOpen: boolean;
            transition_type: FlapTransitionType;
            transitionType: FlapTransitionType;
        }
    }

    class Flap extends Gtk.Widget implements Swipeable, Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Orientable {
        static $gtype: GObject.GType<Flap>;

        // Properties
        get content(): Gtk.Widget | null;
        set content(val: Gtk.Widget | null);

        get flap(): Gtk.Widget | null;
        set flap(val: Gtk.Widget | null);

        get flap_position(): Gtk.PackType;
        set flap_position(val: Gtk.PackType);

        get flapPosition(): Gtk.PackType;
        set flapPosition(val: Gtk.PackType);

        get fold_duration(): number;
        set fold_duration(val: number);

        get foldDuration(): number;
        set foldDuration(val: number);

        get fold_policy(): FlapFoldPolicy;
        set fold_policy(val: FlapFoldPolicy);

        get foldPolicy(): FlapFoldPolicy;
        set foldPolicy(val: FlapFoldPolicy);

        get fold_threshold_policy(): FoldThresholdPolicy;
        set fold_threshold_policy(val: FoldThresholdPolicy);

        get foldThresholdPolicy(): FoldThresholdPolicy;
        set foldThresholdPolicy(val: FoldThresholdPolicy);

        get folded(): boolean;

        get locked(): boolean;
        set locked(val: boolean);

        get modal(): boolean;
        set modal(val: boolean);

        get reveal_flap(): boolean;
        set reveal_flap(val: boolean);

        get revealFlap(): boolean;
        set revealFlap(val: boolean);

        get reveal_params(): SpringParams;
        set reveal_params(val: SpringParams);

        get revealParams(): SpringParams;
        set revealParams(val: SpringParams);

        get reveal_progress(): number;

        get revealProgress(): number;

        get separator(): Gtk.Widget | null;
        set separator(val: Gtk.Widget | null);

        get swipe_to_close(): boolean;
        set swipe_to_close(val: boolean);

        get swipeToClose(): boolean;
        set swipeToClose(val: boolean);

        get swipe_to_open(): boolean;
        set swipe_to_open(val: boolean);

        get swipeToOpen(): boolean;
        set swipeToOpen(val: boolean);

        get transition_type(): FlapTransitionType;
        set transition_type(val: FlapTransitionType);

        get transitionType(): FlapTransitionType;
        set transitionType(val: FlapTransitionType);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: Flap.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<Flap.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): Flap;

        // Signals
        /** @signal */
        connect<K extends keyof Flap.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Flap.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof Flap.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Flap.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof Flap.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<Flap.SignalSignatures[K]>): void;

        // Methods
        get_content(): Gtk.Widget | null;

        get_flap(): Gtk.Widget | null;

        get_flap_position(): Gtk.PackType;

        get_fold_duration(): number;

        get_fold_policy(): FlapFoldPolicy;

        get_fold_threshold_policy(): FoldThresholdPolicy;

        get_folded(): boolean;

        get_locked(): boolean;

        get_modal(): boolean;

        get_reveal_flap(): boolean;

        get_reveal_params(): SpringParams;

        get_reveal_progress(): number;

        get_separator(): Gtk.Widget | null;

        get_swipe_to_close(): boolean;

        get_swipe_to_open(): boolean;

        get_transition_type(): FlapTransitionType;

        set_content(content: Gtk.Widget | null): void;

        set_flap(flap: Gtk.Widget | null): void;

        set_flap_position(position: Gtk.PackType): void;

        set_fold_duration(duration: number): void;

        set_fold_policy(policy: FlapFoldPolicy): void;

        set_fold_threshold_policy(policy: FoldThresholdPolicy): void;

        set_locked(locked: boolean): void;

        set_modal(modal: boolean): void;

        set_reveal_flap(reveal_flap: boolean): void;

        set_reveal_params(params: SpringParams): void;

        set_separator(separator: Gtk.Widget | null): void;

        set_swipe_to_close(swipe_to_close: boolean): void;

        set_swipe_to_open(swipe_to_open: boolean): void;

        set_transition_type(transition_type: FlapTransitionType): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Orientable */
        get orientation(): Gtk.Orientation;
        set orientation(val: Gtk.Orientation);

        get_cancel_progress(): number;

        get_distance(): number;

        get_progress(): number;

        get_snap_points(): number[];

        get_swipe_area(navigation_direction: NavigationDirection, is_drag: boolean): Gdk.Rectangle;

        vfunc_get_cancel_progress(): number;

        vfunc_get_distance(): number;

        vfunc_get_progress(): number;

        vfunc_get_snap_points(): number[];

        vfunc_get_swipe_area(navigation_direction: NavigationDirection, is_drag: boolean): Gdk.Rectangle;

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;

        get_orientation(): Gtk.Orientation;

        set_orientation(orientation: Gtk.Orientation): void;
    }


    namespace HeaderBar {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::centering-policy": (pspec: GObject.ParamSpec) => void;
            "notify::decoration-layout": (pspec: GObject.ParamSpec) => void;
            "notify::show-end-title-buttons": (pspec: GObject.ParamSpec) => void;
            "notify::show-start-title-buttons": (pspec: GObject.ParamSpec) => void;
            "notify::title-widget": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            centering_policy: CenteringPolicy;
            centeringPolicy: CenteringPolicy;
            decoration_layout: string | null;
            decorationLayout: string | null;
            show_end_title_buttons: boolean;
            showEndTitleButtons: boolean;
            show_start_title_buttons: boolean;
            showStartTitleButtons: boolean;
            title_widget: Gtk.Widget | null;
            titleWidget: Gtk.Widget | null;
        }
    }

    class HeaderBar extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<HeaderBar>;

        // Properties
        get centering_policy(): CenteringPolicy;
        set centering_policy(val: CenteringPolicy);

        get centeringPolicy(): CenteringPolicy;
        set centeringPolicy(val: CenteringPolicy);

        get decoration_layout(): string | null;
        set decoration_layout(val: string | null);

        get decorationLayout(): string | null;
        set decorationLayout(val: string | null);

        get show_end_title_buttons(): boolean;
        set show_end_title_buttons(val: boolean);

        get showEndTitleButtons(): boolean;
        set showEndTitleButtons(val: boolean);

        get show_start_title_buttons(): boolean;
        set show_start_title_buttons(val: boolean);

        get showStartTitleButtons(): boolean;
        set showStartTitleButtons(val: boolean);

        get title_widget(): Gtk.Widget | null;
        set title_widget(val: Gtk.Widget | null);

        get titleWidget(): Gtk.Widget | null;
        set titleWidget(val: Gtk.Widget | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: HeaderBar.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<HeaderBar.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): HeaderBar;

        // Signals
        /** @signal */
        connect<K extends keyof HeaderBar.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, HeaderBar.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof HeaderBar.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, HeaderBar.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof HeaderBar.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<HeaderBar.SignalSignatures[K]>): void;

        // Methods
        get_centering_policy(): CenteringPolicy;

        get_decoration_layout(): string | null;

        get_show_end_title_buttons(): boolean;

        get_show_start_title_buttons(): boolean;

        get_title_widget(): Gtk.Widget | null;

        pack_end(child: Gtk.Widget): void;

        pack_start(child: Gtk.Widget): void;

        remove(child: Gtk.Widget): void;

        set_centering_policy(centering_policy: CenteringPolicy): void;

        set_decoration_layout(layout: string | null): void;

        set_show_end_title_buttons(setting: boolean): void;

        set_show_start_title_buttons(setting: boolean): void;

        set_title_widget(title_widget: Gtk.Widget | null): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace Leaflet {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::can-navigate-back": (pspec: GObject.ParamSpec) => void;
            "notify::can-navigate-forward": (pspec: GObject.ParamSpec) => void;
            "notify::can-unfold": (pspec: GObject.ParamSpec) => void;
            "notify::child-transition-params": (pspec: GObject.ParamSpec) => void;
            "notify::child-transition-running": (pspec: GObject.ParamSpec) => void;
            "notify::fold-threshold-policy": (pspec: GObject.ParamSpec) => void;
            "notify::folded": (pspec: GObject.ParamSpec) => void;
            "notify::homogeneous": (pspec: GObject.ParamSpec) => void;
            "notify::mode-transition-duration": (pspec: GObject.ParamSpec) => void;
            "notify::pages": (pspec: GObject.ParamSpec) => void;
            "notify::transition-type": (pspec: GObject.ParamSpec) => void;
            "notify::visible-child": (pspec: GObject.ParamSpec) => void;
            "notify::visible-child-name": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
            "notify::orientation": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Swipeable.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Orientable.ConstructorProps {
            can_navigate_back: boolean;
            canNavigateBack: boolean;
            can_navigate_forward: boolean;
            canNavigateForward: boolean;
            can_unfold: boolean;
            canUnfold: boolean;
            child_transition_params: SpringParams;
            childTransitionParams: SpringParams;
            child_transition_running: boolean;
            childTransitionRunning: boolean;
            fold_threshold_policy: FoldThresholdPolicy;
            foldThresholdPolicy: FoldThresholdPolicy;
            folded: boolean;
            homogeneous: boolean;
            mode_transition_duration: number;
            modeTransitionDuration: number;
            pages: Gtk.SelectionModel;
            transition_type: LeafletTransitionType;
            transitionType: LeafletTransitionType;
            visible_child: Gtk.Widget | null;
            visibleChild: Gtk.Widget | null;
            visible_child_name: string | null;
            visibleChildName: string | null;
        }
    }

    class Leaflet extends Gtk.Widget implements Swipeable, Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Orientable {
        static $gtype: GObject.GType<Leaflet>;

        // Properties
        get can_navigate_back(): boolean;
        set can_navigate_back(val: boolean);

        get canNavigateBack(): boolean;
        set canNavigateBack(val: boolean);

        get can_navigate_forward(): boolean;
        set can_navigate_forward(val: boolean);

        get canNavigateForward(): boolean;
        set canNavigateForward(val: boolean);

        get can_unfold(): boolean;
        set can_unfold(val: boolean);

        get canUnfold(): boolean;
        set canUnfold(val: boolean);

        get child_transition_params(): SpringParams;
        set child_transition_params(val: SpringParams);

        get childTransitionParams(): SpringParams;
        set childTransitionParams(val: SpringParams);

        get child_transition_running(): boolean;

        get childTransitionRunning(): boolean;

        get fold_threshold_policy(): FoldThresholdPolicy;
        set fold_threshold_policy(val: FoldThresholdPolicy);

        get foldThresholdPolicy(): FoldThresholdPolicy;
        set foldThresholdPolicy(val: FoldThresholdPolicy);

        get folded(): boolean;

        get homogeneous(): boolean;
        set homogeneous(val: boolean);

        get mode_transition_duration(): number;
        set mode_transition_duration(val: number);

        get modeTransitionDuration(): number;
        set modeTransitionDuration(val: number);

        get pages(): Gtk.SelectionModel;

        get transition_type(): LeafletTransitionType;
        set transition_type(val: LeafletTransitionType);

        get transitionType(): LeafletTransitionType;
        set transitionType(val: LeafletTransitionType);

        get visible_child(): Gtk.Widget | null;
        set visible_child(val: Gtk.Widget | null);

        get visibleChild(): Gtk.Widget | null;
        set visibleChild(val: Gtk.Widget | null);

        get visible_child_name(): string | null;
        set visible_child_name(val: string | null);

        get visibleChildName(): string | null;
        set visibleChildName(val: string | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: Leaflet.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<Leaflet.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): Leaflet;

        // Signals
        /** @signal */
        connect<K extends keyof Leaflet.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Leaflet.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof Leaflet.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Leaflet.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof Leaflet.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<Leaflet.SignalSignatures[K]>): void;

        // Methods
        append(child: Gtk.Widget): LeafletPage;

        get_adjacent_child(direction: NavigationDirection): Gtk.Widget | null;

        get_can_navigate_back(): boolean;

        get_can_navigate_forward(): boolean;

        get_can_unfold(): boolean;

        get_child_by_name(name: string): Gtk.Widget | null;

        get_child_transition_params(): SpringParams;

        get_child_transition_running(): boolean;

        get_fold_threshold_policy(): FoldThresholdPolicy;

        get_folded(): boolean;

        get_homogeneous(): boolean;

        get_mode_transition_duration(): number;

        get_page(child: Gtk.Widget): LeafletPage;

        get_pages(): Gtk.SelectionModel;

        get_transition_type(): LeafletTransitionType;

        get_visible_child(): Gtk.Widget | null;

        get_visible_child_name(): string | null;

        insert_child_after(child: Gtk.Widget, sibling: Gtk.Widget | null): LeafletPage;

        navigate(direction: NavigationDirection): boolean;

        prepend(child: Gtk.Widget): LeafletPage;

        remove(child: Gtk.Widget): void;

        reorder_child_after(child: Gtk.Widget, sibling: Gtk.Widget | null): void;

        set_can_navigate_back(can_navigate_back: boolean): void;

        set_can_navigate_forward(can_navigate_forward: boolean): void;

        set_can_unfold(can_unfold: boolean): void;

        set_child_transition_params(params: SpringParams): void;

        set_fold_threshold_policy(policy: FoldThresholdPolicy): void;

        set_homogeneous(homogeneous: boolean): void;

        set_mode_transition_duration(duration: number): void;

        set_transition_type(transition: LeafletTransitionType): void;

        set_visible_child(visible_child: Gtk.Widget): void;

        set_visible_child_name(name: string): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Orientable */
        get orientation(): Gtk.Orientation;
        set orientation(val: Gtk.Orientation);

        get_cancel_progress(): number;

        get_distance(): number;

        get_progress(): number;

        get_snap_points(): number[];

        get_swipe_area(navigation_direction: NavigationDirection, is_drag: boolean): Gdk.Rectangle;

        vfunc_get_cancel_progress(): number;

        vfunc_get_distance(): number;

        vfunc_get_progress(): number;

        vfunc_get_snap_points(): number[];

        vfunc_get_swipe_area(navigation_direction: NavigationDirection, is_drag: boolean): Gdk.Rectangle;

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;

        get_orientation(): Gtk.Orientation;

        set_orientation(orientation: Gtk.Orientation): void;
    }


    namespace LeafletPage {
        // Signal signatures
        interface SignalSignatures extends GObject.Object.SignalSignatures {
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::navigatable": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends GObject.Object.ConstructorProps {
            child: Gtk.Widget;
            name: string | null;
            navigatable: boolean;
        }
    }

    class LeafletPage extends GObject.Object {
        static $gtype: GObject.GType<LeafletPage>;

        // Properties
        get child(): Gtk.Widget;

        get name(): string | null;
        set name(val: string | null);

        get navigatable(): boolean;
        set navigatable(val: boolean);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: LeafletPage.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<LeafletPage.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        // Signals
        /** @signal */
        connect<K extends keyof LeafletPage.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, LeafletPage.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof LeafletPage.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, LeafletPage.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof LeafletPage.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<LeafletPage.SignalSignatures[K]>): void;

        // Methods
        get_child(): Gtk.Widget;

        get_name(): string | null;

        get_navigatable(): boolean;

        set_name(name: string | null): void;

        set_navigatable(navigatable: boolean): void;
    }


    namespace MessageDialog {
        // Signal signatures
        interface SignalSignatures extends Gtk.Window.SignalSignatures {
            /** @signal */
            response: (response: string) => void;
            "notify::body": (pspec: GObject.ParamSpec) => void;
            "notify::body-use-markup": (pspec: GObject.ParamSpec) => void;
            "notify::close-response": (pspec: GObject.ParamSpec) => void;
            "notify::default-response": (pspec: GObject.ParamSpec) => void;
            "notify::extra-child": (pspec: GObject.ParamSpec) => void;
            "notify::heading": (pspec: GObject.ParamSpec) => void;
            "notify::heading-use-markup": (pspec: GObject.ParamSpec) => void;
            "notify::application": (pspec: GObject.ParamSpec) => void;
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::decorated": (pspec: GObject.ParamSpec) => void;
            "notify::default-height": (pspec: GObject.ParamSpec) => void;
            "notify::default-widget": (pspec: GObject.ParamSpec) => void;
            "notify::default-width": (pspec: GObject.ParamSpec) => void;
            "notify::deletable": (pspec: GObject.ParamSpec) => void;
            "notify::destroy-with-parent": (pspec: GObject.ParamSpec) => void;
            "notify::display": (pspec: GObject.ParamSpec) => void;
            "notify::focus-visible": (pspec: GObject.ParamSpec) => void;
            "notify::focus-widget": (pspec: GObject.ParamSpec) => void;
            "notify::fullscreened": (pspec: GObject.ParamSpec) => void;
            "notify::handle-menubar-accel": (pspec: GObject.ParamSpec) => void;
            "notify::hide-on-close": (pspec: GObject.ParamSpec) => void;
            "notify::icon-name": (pspec: GObject.ParamSpec) => void;
            "notify::is-active": (pspec: GObject.ParamSpec) => void;
            "notify::maximized": (pspec: GObject.ParamSpec) => void;
            "notify::mnemonics-visible": (pspec: GObject.ParamSpec) => void;
            "notify::modal": (pspec: GObject.ParamSpec) => void;
            "notify::resizable": (pspec: GObject.ParamSpec) => void;
            "notify::startup-id": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::titlebar": (pspec: GObject.ParamSpec) => void;
            "notify::transient-for": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            /** @signal */
            "response::body": (response: string) => void;
            /** @signal */
            "response::body-use-markup": (response: string) => void;
            /** @signal */
            "response::close-response": (response: string) => void;
            /** @signal */
            "response::default-response": (response: string) => void;
            /** @signal */
            "response::extra-child": (response: string) => void;
            /** @signal */
            "response::heading": (response: string) => void;
            /** @signal */
            "response::heading-use-markup": (response: string) => void;
            /** @signal */
            "response::application": (response: string) => void;
            /** @signal */
            "response::child": (response: string) => void;
            /** @signal */
            "response::decorated": (response: string) => void;
            /** @signal */
            "response::default-height": (response: string) => void;
            /** @signal */
            "response::default-widget": (response: string) => void;
            /** @signal */
            "response::default-width": (response: string) => void;
            /** @signal */
            "response::deletable": (response: string) => void;
            /** @signal */
            "response::destroy-with-parent": (response: string) => void;
            /** @signal */
            "response::display": (response: string) => void;
            /** @signal */
            "response::focus-visible": (response: string) => void;
            /** @signal */
            "response::focus-widget": (response: string) => void;
            /** @signal */
            "response::fullscreened": (response: string) => void;
            /** @signal */
            "response::handle-menubar-accel": (response: string) => void;
            /** @signal */
            "response::hide-on-close": (response: string) => void;
            /** @signal */
            "response::icon-name": (response: string) => void;
            /** @signal */
            "response::is-active": (response: string) => void;
            /** @signal */
            "response::maximized": (response: string) => void;
            /** @signal */
            "response::mnemonics-visible": (response: string) => void;
            /** @signal */
            "response::modal": (response: string) => void;
            /** @signal */
            "response::resizable": (response: string) => void;
            /** @signal */
            "response::startup-id": (response: string) => void;
            /** @signal */
            "response::title": (response: string) => void;
            /** @signal */
            "response::titlebar": (response: string) => void;
            /** @signal */
            "response::transient-for": (response: string) => void;
            /** @signal */
            "response::can-focus": (response: string) => void;
            /** @signal */
            "response::can-target": (response: string) => void;
            /** @signal */
            "response::css-classes": (response: string) => void;
            /** @signal */
            "response::css-name": (response: string) => void;
            /** @signal */
            "response::cursor": (response: string) => void;
            /** @signal */
            "response::focus-on-click": (response: string) => void;
            /** @signal */
            "response::focusable": (response: string) => void;
            /** @signal */
            "response::halign": (response: string) => void;
            /** @signal */
            "response::has-default": (response: string) => void;
            /** @signal */
            "response::has-focus": (response: string) => void;
            /** @signal */
            "response::has-tooltip": (response: string) => void;
            /** @signal */
            "response::height-request": (response: string) => void;
            /** @signal */
            "response::hexpand": (response: string) => void;
            /** @signal */
            "response::hexpand-set": (response: string) => void;
            /** @signal */
            "response::layout-manager": (response: string) => void;
            /** @signal */
            "response::margin-bottom": (response: string) => void;
            /** @signal */
            "response::margin-end": (response: string) => void;
            /** @signal */
            "response::margin-start": (response: string) => void;
            /** @signal */
            "response::margin-top": (response: string) => void;
            /** @signal */
            "response::name": (response: string) => void;
            /** @signal */
            "response::opacity": (response: string) => void;
            /** @signal */
            "response::overflow": (response: string) => void;
            /** @signal */
            "response::parent": (response: string) => void;
            /** @signal */
            "response::receives-default": (response: string) => void;
            /** @signal */
            "response::root": (response: string) => void;
            /** @signal */
            "response::scale-factor": (response: string) => void;
            /** @signal */
            "response::sensitive": (response: string) => void;
            /** @signal */
            "response::tooltip-markup": (response: string) => void;
            /** @signal */
            "response::tooltip-text": (response: string) => void;
            /** @signal */
            "response::valign": (response: string) => void;
            /** @signal */
            "response::vexpand": (response: string) => void;
            /** @signal */
            "response::vexpand-set": (response: string) => void;
            /** @signal */
            "response::visible": (response: string) => void;
            /** @signal */
            "response::width-request": (response: string) => void;
            [key: `response::${string}`]: (response: string) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Window.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Native.ConstructorProps, Gtk.Root.ConstructorProps, Gtk.ShortcutManager.ConstructorProps {
            body: string;
            body_use_markup: boolean;
            bodyUseMarkup: boolean;
            close_response: string;
            closeResponse: string;
            default_response: string | null;
            defaultResponse: string | null;
            extra_child: Gtk.Widget | null;
            extraChild: Gtk.Widget | null;
            heading: string | null;
            heading_use_markup: boolean;
            headingUseMarkup: boolean;
        }
    }

    class MessageDialog extends Gtk.Window implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Native, Gtk.Root, Gtk.ShortcutManager {
        static $gtype: GObject.GType<MessageDialog>;

        // Properties
        get body(): string;
        set body(val: string);

        get body_use_markup(): boolean;
        set body_use_markup(val: boolean);

        get bodyUseMarkup(): boolean;
        set bodyUseMarkup(val: boolean);

        get close_response(): string;
        set close_response(val: string);

        get closeResponse(): string;
        set closeResponse(val: string);

        get default_response(): string | null;
        set default_response(val: string | null);

        get defaultResponse(): string | null;
        set defaultResponse(val: string | null);

        get extra_child(): Gtk.Widget | null;
        set extra_child(val: Gtk.Widget | null);

        get extraChild(): Gtk.Widget | null;
        set extraChild(val: Gtk.Widget | null);

        get heading(): string | null;
        set heading(val: string | null);

        get heading_use_markup(): boolean;
        set heading_use_markup(val: boolean);

        get headingUseMarkup(): boolean;
        set headingUseMarkup(val: boolean);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: MessageDialog.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<MessageDialog.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](parent: Gtk.Window | null, heading: string | null, body: string | null): MessageDialog;

        // Conflicted with Gtk.Window.new
        static ["new"](...args: never[]): any;

        // Signals
        /** @signal */
        connect<K extends keyof MessageDialog.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, MessageDialog.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof MessageDialog.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, MessageDialog.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof MessageDialog.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<MessageDialog.SignalSignatures[K]>): void;

        // Virtual methods
        vfunc_response(response: string): void;

        // Methods
        add_response(id: string, label: string): void;

        get_body(): string;

        get_body_use_markup(): boolean;

        get_close_response(): string;

        get_default_response(): string | null;

        get_extra_child(): Gtk.Widget | null;

        get_heading(): string | null;

        get_heading_use_markup(): boolean;

        get_response_appearance(response: string): ResponseAppearance;

        get_response_enabled(response: string): boolean;

        get_response_label(response: string): string;

        has_response(response: string): boolean;

        response(response: string): void;

        set_body(body: string): void;

        set_body_use_markup(use_markup: boolean): void;

        set_close_response(response: string): void;

        set_default_response(response: string | null): void;

        set_extra_child(child: Gtk.Widget | null): void;

        set_heading(heading: string | null): void;

        set_heading_use_markup(use_markup: boolean): void;

        set_response_appearance(response: string, appearance: ResponseAppearance): void;

        set_response_enabled(response: string, enabled: boolean): void;

        set_response_label(response: string, label: string): void;

        get_renderer(): Gsk.Renderer;

        get_surface(): Gdk.Surface;

        get_surface_transform(): [number, number];

        realize(): void;

        unrealize(): void;

        get_display(): Gdk.Display;

        get_focus(): Gtk.Widget | null;

        set_focus(focus: Gtk.Widget | null): void;

        vfunc_add_controller(controller: Gtk.ShortcutController): void;

        vfunc_remove_controller(controller: Gtk.ShortcutController): void;
    }


    namespace PasswordEntryRow {
        // Signal signatures
        interface SignalSignatures extends EntryRow.SignalSignatures, Gtk.Editable.SignalSignatures {
            "notify::activates-default": (pspec: GObject.ParamSpec) => void;
            "notify::attributes": (pspec: GObject.ParamSpec) => void;
            "notify::enable-emoji-completion": (pspec: GObject.ParamSpec) => void;
            "notify::input-hints": (pspec: GObject.ParamSpec) => void;
            "notify::input-purpose": (pspec: GObject.ParamSpec) => void;
            "notify::show-apply-button": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::title-selectable": (pspec: GObject.ParamSpec) => void;
            "notify::use-markup": (pspec: GObject.ParamSpec) => void;
            "notify::use-underline": (pspec: GObject.ParamSpec) => void;
            "notify::activatable": (pspec: GObject.ParamSpec) => void;
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::selectable": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::cursor-position": (pspec: GObject.ParamSpec) => void;
            "notify::editable": (pspec: GObject.ParamSpec) => void;
            "notify::enable-undo": (pspec: GObject.ParamSpec) => void;
            "notify::max-width-chars": (pspec: GObject.ParamSpec) => void;
            "notify::selection-bound": (pspec: GObject.ParamSpec) => void;
            "notify::text": (pspec: GObject.ParamSpec) => void;
            "notify::width-chars": (pspec: GObject.ParamSpec) => void;
            "notify::xalign": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends EntryRow.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Actionable.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Editable.ConstructorProps {}
    }

    class PasswordEntryRow extends EntryRow implements Gtk.Accessible, Gtk.Actionable, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Editable {
        static $gtype: GObject.GType<PasswordEntryRow>;

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: PasswordEntryRow.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<PasswordEntryRow.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): PasswordEntryRow;

        // Signals
        /** @signal */
        connect<K extends keyof PasswordEntryRow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, PasswordEntryRow.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof PasswordEntryRow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, PasswordEntryRow.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof PasswordEntryRow.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<PasswordEntryRow.SignalSignatures[K]>): void;

        /** @category Inherited from Gtk.Editable */
        get cursor_position(): number;

        /** @category Inherited from Gtk.Editable */
        get cursorPosition(): number;

        /** @category Inherited from Gtk.Editable */
        get editable(): boolean;
        set editable(val: boolean);

        /** @category Inherited from Gtk.Editable */
        get enable_undo(): boolean;
        set enable_undo(val: boolean);

        /** @category Inherited from Gtk.Editable */
        get enableUndo(): boolean;
        set enableUndo(val: boolean);

        /** @category Inherited from Gtk.Editable */
        get max_width_chars(): number;
        set max_width_chars(val: number);

        /** @category Inherited from Gtk.Editable */
        get maxWidthChars(): number;
        set maxWidthChars(val: number);

        /** @category Inherited from Gtk.Editable */
        get selection_bound(): number;

        /** @category Inherited from Gtk.Editable */
        get selectionBound(): number;

        /** @category Inherited from Gtk.Editable */
        get text(): string;
        set text(val: string);

        /** @category Inherited from Gtk.Editable */
        get width_chars(): number;
        set width_chars(val: number);

        /** @category Inherited from Gtk.Editable */
        get widthChars(): number;
        set widthChars(val: number);

        /** @category Inherited from Gtk.Editable */
        get xalign(): number;
        set xalign(val: number);

        delete_selection(): void;

        delete_text(start_pos: number, end_pos: number): void;

        finish_delegate(): void;

        get_alignment(): number;

        get_chars(start_pos: number, end_pos: number): string;

        get_delegate(): Gtk.Editable | null;

        get_editable(): boolean;

        get_enable_undo(): boolean;

        get_max_width_chars(): number;

        get_position(): number;

        get_selection_bounds(): [boolean, number, number];

        get_text(): string;

        get_width_chars(): number;

        init_delegate(): void;

        insert_text(text: string, length: number, position: number): number;

        select_region(start_pos: number, end_pos: number): void;

        set_alignment(xalign: number): void;

        set_editable(is_editable: boolean): void;

        set_enable_undo(enable_undo: boolean): void;

        set_max_width_chars(n_chars: number): void;

        set_position(position: number): void;

        set_text(text: string): void;

        set_width_chars(n_chars: number): void;

        vfunc_changed(): void;

        vfunc_delete_text(start_pos: number, end_pos: number): void;

        vfunc_do_delete_text(start_pos: number, end_pos: number): void;

        vfunc_do_insert_text(text: string, length: number, position: number): number;

        vfunc_get_delegate(): Gtk.Editable | null;

        vfunc_get_selection_bounds(): [boolean, number, number];

        vfunc_get_text(): string;

        vfunc_insert_text(text: string, length: number, position: number): number;

        vfunc_set_selection_bounds(start_pos: number, end_pos: number): void;
    }


    namespace PreferencesGroup {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::description": (pspec: GObject.ParamSpec) => void;
            "notify::header-suffix": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            description: string | null;
            header_suffix: Gtk.Widget | null;
            headerSuffix: Gtk.Widget | null;
            title: string;
        }
    }

    class PreferencesGroup extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<PreferencesGroup>;

        // Properties
        get description(): string | null;
        set description(val: string | null);

        get header_suffix(): Gtk.Widget | null;
        set header_suffix(val: Gtk.Widget | null);

        get headerSuffix(): Gtk.Widget | null;
        set headerSuffix(val: Gtk.Widget | null);

        get title(): string;
        set title(val: string);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: PreferencesGroup.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<PreferencesGroup.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): PreferencesGroup;

        // Signals
        /** @signal */
        connect<K extends keyof PreferencesGroup.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, PreferencesGroup.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof PreferencesGroup.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, PreferencesGroup.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof PreferencesGroup.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<PreferencesGroup.SignalSignatures[K]>): void;

        // Methods
        add(child: Gtk.Widget): void;

        get_description(): string | null;

        get_header_suffix(): Gtk.Widget | null;

        get_title(): string;

        remove(child: Gtk.Widget): void;

        set_description(description: string | null): void;

        set_header_suffix(suffix: Gtk.Widget | null): void;

        set_title(title: string): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace PreferencesPage {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::icon-name": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::use-underline": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            icon_name: string | null;
            iconName: string | null;
            name: string | null | any;
            title: string;
            use_underline: boolean;
            useUnderline: boolean;
        }
    }

    class PreferencesPage extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<PreferencesPage>;

        // Properties
        get icon_name(): string | null;
        set icon_name(val: string | null);

        get iconName(): string | null;
        set iconName(val: string | null);

    // This accessor conflicts with another accessor's type in a parent class or interface.
        get name(): string | null | any;
    // This accessor conflicts with another accessor's type in a parent class or interface.
        set name(val: string | null | any);

        get title(): string;
        set title(val: string);

        get use_underline(): boolean;
        set use_underline(val: boolean);

        get useUnderline(): boolean;
        set useUnderline(val: boolean);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: PreferencesPage.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<PreferencesPage.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): PreferencesPage;

        // Signals
        /** @signal */
        connect<K extends keyof PreferencesPage.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, PreferencesPage.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof PreferencesPage.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, PreferencesPage.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof PreferencesPage.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<PreferencesPage.SignalSignatures[K]>): void;

        // Methods
        add(group: PreferencesGroup): void;

        get_icon_name(): string | null;

        get_name(): string | null;

    // Conflicted with Gtk.Widget.get_name
        get_name(...args: never[]): any;

        get_title(): string;

        get_use_underline(): boolean;

        remove(group: PreferencesGroup): void;

        set_icon_name(icon_name: string | null): void;

        set_name(name: string | null): void;

    // Conflicted with Gtk.Widget.set_name
        set_name(...args: never[]): any;

        set_title(title: string): void;

        set_use_underline(use_underline: boolean): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace PreferencesRow {
        // Signal signatures
        interface SignalSignatures extends Gtk.ListBoxRow.SignalSignatures {
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::title-selectable": (pspec: GObject.ParamSpec) => void;
            "notify::use-markup": (pspec: GObject.ParamSpec) => void;
            "notify::use-underline": (pspec: GObject.ParamSpec) => void;
            "notify::activatable": (pspec: GObject.ParamSpec) => void;
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::selectable": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::action-name": (pspec: GObject.ParamSpec) => void;
            "notify::action-target": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.ListBoxRow.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Actionable.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            title: string;
            title_selectable: boolean;
            titleSelectable: boolean;
            use_markup: boolean;
            useMarkup: boolean;
            use_underline: boolean;
            useUnderline: boolean;
        }
    }

    class PreferencesRow extends Gtk.ListBoxRow implements Gtk.Accessible, Gtk.Actionable, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<PreferencesRow>;

        // Properties
        get title(): string;
        set title(val: string);

        get title_selectable(): boolean;
        set title_selectable(val: boolean);

        get titleSelectable(): boolean;
        set titleSelectable(val: boolean);

        get use_markup(): boolean;
        set use_markup(val: boolean);

        get useMarkup(): boolean;
        set useMarkup(val: boolean);

        get use_underline(): boolean;
        set use_underline(val: boolean);

        get useUnderline(): boolean;
        set useUnderline(val: boolean);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: PreferencesRow.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<PreferencesRow.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): PreferencesRow;

        // Signals
        /** @signal */
        connect<K extends keyof PreferencesRow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, PreferencesRow.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof PreferencesRow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, PreferencesRow.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof PreferencesRow.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<PreferencesRow.SignalSignatures[K]>): void;

        // Methods
        get_title(): string;

        get_title_selectable(): boolean;

        get_use_markup(): boolean;

        get_use_underline(): boolean;

        set_title(title: string): void;

        set_title_selectable(title_selectable: boolean): void;

        set_use_markup(use_markup: boolean): void;

        set_use_underline(use_underline: boolean): void;

        /** @category Inherited from Gtk.Actionable */
        get action_name(): string | null;
        set action_name(val: string | null);

        /** @category Inherited from Gtk.Actionable */
        get actionName(): string | null;
        set actionName(val: string | null);

        /** @category Inherited from Gtk.Actionable */
        get action_target(): GLib.Variant;
        set action_target(val: GLib.Variant);

        /** @category Inherited from Gtk.Actionable */
        get actionTarget(): GLib.Variant;
        set actionTarget(val: GLib.Variant);

        get_action_name(): string | null;

        get_action_target_value(): GLib.Variant | null;

        set_action_name(action_name: string | null): void;

        set_action_target_value(target_value: GLib.Variant | null): void;

        set_detailed_action_name(detailed_action_name: string): void;

        vfunc_get_action_name(): string | null;

        vfunc_get_action_target_value(): GLib.Variant | null;

        vfunc_set_action_name(action_name: string | null): void;

        vfunc_set_action_target_value(target_value: GLib.Variant | null): void;
    }


    namespace PreferencesWindow {
        // Signal signatures
        interface SignalSignatures extends Window.SignalSignatures {
            "notify::can-navigate-back": (pspec: GObject.ParamSpec) => void;
            "notify::search-enabled": (pspec: GObject.ParamSpec) => void;
            "notify::visible-page": (pspec: GObject.ParamSpec) => void;
            "notify::visible-page-name": (pspec: GObject.ParamSpec) => void;
            "notify::content": (pspec: GObject.ParamSpec) => void;
            "notify::application": (pspec: GObject.ParamSpec) => void;
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::decorated": (pspec: GObject.ParamSpec) => void;
            "notify::default-height": (pspec: GObject.ParamSpec) => void;
            "notify::default-widget": (pspec: GObject.ParamSpec) => void;
            "notify::default-width": (pspec: GObject.ParamSpec) => void;
            "notify::deletable": (pspec: GObject.ParamSpec) => void;
            "notify::destroy-with-parent": (pspec: GObject.ParamSpec) => void;
            "notify::display": (pspec: GObject.ParamSpec) => void;
            "notify::focus-visible": (pspec: GObject.ParamSpec) => void;
            "notify::focus-widget": (pspec: GObject.ParamSpec) => void;
            "notify::fullscreened": (pspec: GObject.ParamSpec) => void;
            "notify::handle-menubar-accel": (pspec: GObject.ParamSpec) => void;
            "notify::hide-on-close": (pspec: GObject.ParamSpec) => void;
            "notify::icon-name": (pspec: GObject.ParamSpec) => void;
            "notify::is-active": (pspec: GObject.ParamSpec) => void;
            "notify::maximized": (pspec: GObject.ParamSpec) => void;
            "notify::mnemonics-visible": (pspec: GObject.ParamSpec) => void;
            "notify::modal": (pspec: GObject.ParamSpec) => void;
            "notify::resizable": (pspec: GObject.ParamSpec) => void;
            "notify::startup-id": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::titlebar": (pspec: GObject.ParamSpec) => void;
            "notify::transient-for": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Window.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Native.ConstructorProps, Gtk.Root.ConstructorProps, Gtk.ShortcutManager.ConstructorProps {
            can_navigate_back: boolean;
            canNavigateBack: boolean;
            search_enabled: boolean;
            searchEnabled: boolean;
            visible_page: Gtk.Widget | null;
            visiblePage: Gtk.Widget | null;
            visible_page_name: string | null;
            visiblePageName: string | null;
        }
    }

    class PreferencesWindow extends Window implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Native, Gtk.Root, Gtk.ShortcutManager {
        static $gtype: GObject.GType<PreferencesWindow>;

        // Properties
        get can_navigate_back(): boolean;
        set can_navigate_back(val: boolean);

        get canNavigateBack(): boolean;
        set canNavigateBack(val: boolean);

        get search_enabled(): boolean;
        set search_enabled(val: boolean);

        get searchEnabled(): boolean;
        set searchEnabled(val: boolean);

        get visible_page(): Gtk.Widget | null;
        set visible_page(val: Gtk.Widget | null);

        get visiblePage(): Gtk.Widget | null;
        set visiblePage(val: Gtk.Widget | null);

        get visible_page_name(): string | null;
        set visible_page_name(val: string | null);

        get visiblePageName(): string | null;
        set visiblePageName(val: string | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: PreferencesWindow.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<PreferencesWindow.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): PreferencesWindow;

        // Signals
        /** @signal */
        connect<K extends keyof PreferencesWindow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, PreferencesWindow.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof PreferencesWindow.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, PreferencesWindow.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof PreferencesWindow.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<PreferencesWindow.SignalSignatures[K]>): void;

        // Methods
        add(page: PreferencesPage): void;

        add_toast(toast: Toast): void;

        close_subpage(): void;

        get_can_navigate_back(): boolean;

        get_search_enabled(): boolean;

        get_visible_page(): PreferencesPage | null;

        get_visible_page_name(): string | null;

        present_subpage(subpage: Gtk.Widget): void;

        remove(page: PreferencesPage): void;

        set_can_navigate_back(can_navigate_back: boolean): void;

        set_search_enabled(search_enabled: boolean): void;

        set_visible_page(page: PreferencesPage): void;

        set_visible_page_name(name: string): void;
    }


    namespace PropertyAnimationTarget {
        // Signal signatures
        interface SignalSignatures extends AnimationTarget.SignalSignatures {
            "notify::object": (pspec: GObject.ParamSpec) => void;
            "notify::pspec": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends AnimationTarget.ConstructorProps {
            object: GObject.Object;
            pspec: GObject.ParamSpec;
        }
    }

    class PropertyAnimationTarget extends AnimationTarget {
        static $gtype: GObject.GType<PropertyAnimationTarget>;

        // Properties
        get object(): GObject.Object;

        get pspec(): GObject.ParamSpec;

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: PropertyAnimationTarget.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<PropertyAnimationTarget.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](object: GObject.Object, property_name: string): PropertyAnimationTarget;

        static new_for_pspec(object: GObject.Object, pspec: GObject.ParamSpec): PropertyAnimationTarget;

        // Signals
        /** @signal */
        connect<K extends keyof PropertyAnimationTarget.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, PropertyAnimationTarget.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof PropertyAnimationTarget.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, PropertyAnimationTarget.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof PropertyAnimationTarget.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<PropertyAnimationTarget.SignalSignatures[K]>): void;

        // Methods
        get_object<T = GObject.Object>(): T;

        get_pspec(): GObject.ParamSpec;
    }


    namespace SplitButton {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            /** @signal */
            activate: () => void;
            /** @signal */
            clicked: () => void;
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::direction": (pspec: GObject.ParamSpec) => void;
            "notify::dropdown-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::icon-name": (pspec: GObject.ParamSpec) => void;
            "notify::label": (pspec: GObject.ParamSpec) => void;
            "notify::menu-model": (pspec: GObject.ParamSpec) => void;
            "notify::popover": (pspec: GObject.ParamSpec) => void;
            "notify::use-underline": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
            "notify::action-name": (pspec: GObject.ParamSpec) => void;
            "notify::action-target": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Actionable.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            child: Gtk.Widget | null;
            direction: Gtk.ArrowType;
            dropdown_tooltip: string;
            dropdownTooltip: string;
            icon_name: string | null;
            iconName: string | null;
            label: string | null;
            menu_model: Gio.MenuModel | null;
            menuModel: Gio.MenuModel | null;
            popover: Gtk.Popover | null;
            use_underline: boolean;
            useUnderline: boolean;
        }
    }

    class SplitButton extends Gtk.Widget implements Gtk.Accessible, Gtk.Actionable, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<SplitButton>;

        // Properties
        get child(): Gtk.Widget | null;
        set child(val: Gtk.Widget | null);

        get direction(): Gtk.ArrowType;
        set direction(val: Gtk.ArrowType);

        get dropdown_tooltip(): string;
        set dropdown_tooltip(val: string);

        get dropdownTooltip(): string;
        set dropdownTooltip(val: string);

        get icon_name(): string | null;
        set icon_name(val: string | null);

        get iconName(): string | null;
        set iconName(val: string | null);

        get label(): string | null;
        set label(val: string | null);

        get menu_model(): Gio.MenuModel | null;
        set menu_model(val: Gio.MenuModel | null);

        get menuModel(): Gio.MenuModel | null;
        set menuModel(val: Gio.MenuModel | null);

        get popover(): Gtk.Popover | null;
        set popover(val: Gtk.Popover | null);

        get use_underline(): boolean;
        set use_underline(val: boolean);

        get useUnderline(): boolean;
        set useUnderline(val: boolean);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: SplitButton.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<SplitButton.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): SplitButton;

        // Signals
        /** @signal */
        connect<K extends keyof SplitButton.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, SplitButton.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof SplitButton.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, SplitButton.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof SplitButton.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<SplitButton.SignalSignatures[K]>): void;

        // Methods
        get_child(): Gtk.Widget | null;

        get_direction(): Gtk.ArrowType;

    // Conflicted with Gtk.Widget.get_direction
        get_direction(...args: never[]): any;

        get_dropdown_tooltip(): string;

        get_icon_name(): string | null;

        get_label(): string | null;

        get_menu_model(): Gio.MenuModel | null;

        get_popover(): Gtk.Popover | null;

        get_use_underline(): boolean;

        popdown(): void;

        popup(): void;

        set_child(child: Gtk.Widget | null): void;

        set_direction(direction: Gtk.ArrowType): void;

    // Conflicted with Gtk.Widget.set_direction
        set_direction(...args: never[]): any;

        set_dropdown_tooltip(tooltip: string): void;

        set_icon_name(icon_name: string): void;

        set_label(label: string): void;

        set_menu_model(menu_model: Gio.MenuModel | null): void;

        set_popover(popover: Gtk.Popover | null): void;

        set_use_underline(use_underline: boolean): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Actionable */
        get action_name(): string | null;
        set action_name(val: string | null);

        /** @category Inherited from Gtk.Actionable */
        get actionName(): string | null;
        set actionName(val: string | null);

        /** @category Inherited from Gtk.Actionable */
        get action_target(): GLib.Variant;
        set action_target(val: GLib.Variant);

        /** @category Inherited from Gtk.Actionable */
        get actionTarget(): GLib.Variant;
        set actionTarget(val: GLib.Variant);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_action_name(): string | null;

        get_action_target_value(): GLib.Variant | null;

        set_action_name(action_name: string | null): void;

        set_action_target_value(target_value: GLib.Variant | null): void;

        set_detailed_action_name(detailed_action_name: string): void;

        vfunc_get_action_name(): string | null;

        vfunc_get_action_target_value(): GLib.Variant | null;

        vfunc_set_action_name(action_name: string | null): void;

        vfunc_set_action_target_value(target_value: GLib.Variant | null): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace SpringAnimation {
        // Signal signatures
        interface SignalSignatures extends Animation.SignalSignatures {
            "notify::clamp": (pspec: GObject.ParamSpec) => void;
            "notify::epsilon": (pspec: GObject.ParamSpec) => void;
            "notify::estimated-duration": (pspec: GObject.ParamSpec) => void;
            "notify::initial-velocity": (pspec: GObject.ParamSpec) => void;
            "notify::spring-params": (pspec: GObject.ParamSpec) => void;
            "notify::value-from": (pspec: GObject.ParamSpec) => void;
            "notify::value-to": (pspec: GObject.ParamSpec) => void;
            "notify::velocity": (pspec: GObject.ParamSpec) => void;
            "notify::state": (pspec: GObject.ParamSpec) => void;
            "notify::target": (pspec: GObject.ParamSpec) => void;
            "notify::value": (pspec: GObject.ParamSpec) => void;
            "notify::widget": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Animation.ConstructorProps {
            clamp: boolean;
            epsilon: number;
            estimated_duration: number;
            estimatedDuration: number;
            initial_velocity: number;
            initialVelocity: number;
            spring_params: SpringParams;
            springParams: SpringParams;
            value_from: number;
            valueFrom: number;
            value_to: number;
            valueTo: number;
            velocity: number;
        }
    }

    class SpringAnimation extends Animation {
        static $gtype: GObject.GType<SpringAnimation>;

        // Properties
        get clamp(): boolean;
        set clamp(val: boolean);

        get epsilon(): number;
        set epsilon(val: number);

        get estimated_duration(): number;

        get estimatedDuration(): number;

        get initial_velocity(): number;
        set initial_velocity(val: number);

        get initialVelocity(): number;
        set initialVelocity(val: number);

        get spring_params(): SpringParams;
        set spring_params(val: SpringParams);

        get springParams(): SpringParams;
        set springParams(val: SpringParams);

        get value_from(): number;
        set value_from(val: number);

        get valueFrom(): number;
        set valueFrom(val: number);

        get value_to(): number;
        set value_to(val: number);

        get valueTo(): number;
        set valueTo(val: number);

        get velocity(): number;

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: SpringAnimation.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<SpringAnimation.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](widget: Gtk.Widget, from: number, to: number, spring_params: SpringParams, target: AnimationTarget): SpringAnimation;

        // Signals
        /** @signal */
        connect<K extends keyof SpringAnimation.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, SpringAnimation.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof SpringAnimation.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, SpringAnimation.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof SpringAnimation.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<SpringAnimation.SignalSignatures[K]>): void;

        // Methods
        get_clamp(): boolean;

        get_epsilon(): number;

        get_estimated_duration(): number;

        get_initial_velocity(): number;

        get_spring_params(): SpringParams;

        get_value_from(): number;

        get_value_to(): number;

        get_velocity(): number;

        set_clamp(clamp: boolean): void;

        set_epsilon(epsilon: number): void;

        set_initial_velocity(velocity: number): void;

        set_spring_params(spring_params: SpringParams): void;

        set_value_from(value: number): void;

        set_value_to(value: number): void;
    }


    namespace Squeezer {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::allow-none": (pspec: GObject.ParamSpec) => void;
            "notify::homogeneous": (pspec: GObject.ParamSpec) => void;
            "notify::interpolate-size": (pspec: GObject.ParamSpec) => void;
            "notify::pages": (pspec: GObject.ParamSpec) => void;
            "notify::switch-threshold-policy": (pspec: GObject.ParamSpec) => void;
            "notify::transition-duration": (pspec: GObject.ParamSpec) => void;
            "notify::transition-running": (pspec: GObject.ParamSpec) => void;
            "notify::transition-type": (pspec: GObject.ParamSpec) => void;
            "notify::visible-child": (pspec: GObject.ParamSpec) => void;
            "notify::xalign": (pspec: GObject.ParamSpec) => void;
            "notify::yalign": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
            "notify::orientation": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Orientable.ConstructorProps {
            allow_none: boolean;
            allowNone: boolean;
            homogeneous: boolean;
            interpolate_size: boolean;
            interpolateSize: boolean;
            pages: Gtk.SelectionModel;
            switch_threshold_policy: FoldThresholdPolicy;
            switchThresholdPolicy: FoldThresholdPolicy;
            transition_duration: number;
            transitionDuration: number;
            transition_running: boolean;
            transitionRunning: boolean;
            transition_type: SqueezerTransitionType;
            transitionType: SqueezerTransitionType;
            visible_child: Gtk.Widget | null;
            visibleChild: Gtk.Widget | null;
            xalign: number;
            yalign: number;
        }
    }

    class Squeezer extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Orientable {
        static $gtype: GObject.GType<Squeezer>;

        // Properties
        get allow_none(): boolean;
        set allow_none(val: boolean);

        get allowNone(): boolean;
        set allowNone(val: boolean);

        get homogeneous(): boolean;
        set homogeneous(val: boolean);

        get interpolate_size(): boolean;
        set interpolate_size(val: boolean);

        get interpolateSize(): boolean;
        set interpolateSize(val: boolean);

        get pages(): Gtk.SelectionModel;

        get switch_threshold_policy(): FoldThresholdPolicy;
        set switch_threshold_policy(val: FoldThresholdPolicy);

        get switchThresholdPolicy(): FoldThresholdPolicy;
        set switchThresholdPolicy(val: FoldThresholdPolicy);

        get transition_duration(): number;
        set transition_duration(val: number);

        get transitionDuration(): number;
        set transitionDuration(val: number);

        get transition_running(): boolean;

        get transitionRunning(): boolean;

        get transition_type(): SqueezerTransitionType;
        set transition_type(val: SqueezerTransitionType);

        get transitionType(): SqueezerTransitionType;
        set transitionType(val: SqueezerTransitionType);

        get visible_child(): Gtk.Widget | null;

        get visibleChild(): Gtk.Widget | null;

        get xalign(): number;
        set xalign(val: number);

        get yalign(): number;
        set yalign(val: number);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: Squeezer.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<Squeezer.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): Squeezer;

        // Signals
        /** @signal */
        connect<K extends keyof Squeezer.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Squeezer.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof Squeezer.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Squeezer.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof Squeezer.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<Squeezer.SignalSignatures[K]>): void;

        // Methods
        add(child: Gtk.Widget): SqueezerPage;

        get_allow_none(): boolean;

        get_homogeneous(): boolean;

        get_interpolate_size(): boolean;

        get_page(child: Gtk.Widget): SqueezerPage;

        get_pages(): Gtk.SelectionModel;

        get_switch_threshold_policy(): FoldThresholdPolicy;

        get_transition_duration(): number;

        get_transition_running(): boolean;

        get_transition_type(): SqueezerTransitionType;

        get_visible_child(): Gtk.Widget | null;

        get_xalign(): number;

        get_yalign(): number;

        remove(child: Gtk.Widget): void;

        set_allow_none(allow_none: boolean): void;

        set_homogeneous(homogeneous: boolean): void;

        set_interpolate_size(interpolate_size: boolean): void;

        set_switch_threshold_policy(policy: FoldThresholdPolicy): void;

        set_transition_duration(duration: number): void;

        set_transition_type(transition: SqueezerTransitionType): void;

        set_xalign(xalign: number): void;

        set_yalign(yalign: number): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Orientable */
        get orientation(): Gtk.Orientation;
        set orientation(val: Gtk.Orientation);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;

        get_orientation(): Gtk.Orientation;

        set_orientation(orientation: Gtk.Orientation): void;
    }


    namespace SqueezerPage {
        // Signal signatures
        interface SignalSignatures extends GObject.Object.SignalSignatures {
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::enabled": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends GObject.Object.ConstructorProps {
            child: Gtk.Widget;
            enabled: boolean;
        }
    }

    class SqueezerPage extends GObject.Object {
        static $gtype: GObject.GType<SqueezerPage>;

        // Properties
        get child(): Gtk.Widget;

        get enabled(): boolean;
        set enabled(val: boolean);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: SqueezerPage.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<SqueezerPage.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        // Signals
        /** @signal */
        connect<K extends keyof SqueezerPage.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, SqueezerPage.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof SqueezerPage.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, SqueezerPage.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof SqueezerPage.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<SqueezerPage.SignalSignatures[K]>): void;

        // Methods
        get_child(): Gtk.Widget;

        get_enabled(): boolean;

        set_enabled(enabled: boolean): void;
    }


    namespace StatusPage {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::description": (pspec: GObject.ParamSpec) => void;
            "notify::icon-name": (pspec: GObject.ParamSpec) => void;
            "notify::paintable": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            child: Gtk.Widget | null;
            description: string | null;
            icon_name: string | null;
            iconName: string | null;
            paintable: Gdk.Paintable | null;
            title: string;
        }
    }

    class StatusPage extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<StatusPage>;

        // Properties
        get child(): Gtk.Widget | null;
        set child(val: Gtk.Widget | null);

        get description(): string | null;
        set description(val: string | null);

        get icon_name(): string | null;
        set icon_name(val: string | null);

        get iconName(): string | null;
        set iconName(val: string | null);

        get paintable(): Gdk.Paintable | null;
        set paintable(val: Gdk.Paintable | null);

        get title(): string;
        set title(val: string);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: StatusPage.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<StatusPage.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): StatusPage;

        // Signals
        /** @signal */
        connect<K extends keyof StatusPage.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, StatusPage.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof StatusPage.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, StatusPage.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof StatusPage.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<StatusPage.SignalSignatures[K]>): void;

        // Methods
        get_child(): Gtk.Widget | null;

        get_description(): string | null;

        get_icon_name(): string | null;

        get_paintable(): Gdk.Paintable | null;

        get_title(): string;

        set_child(child: Gtk.Widget | null): void;

        set_description(description: string | null): void;

        set_icon_name(icon_name: string | null): void;

        set_paintable(paintable: Gdk.Paintable | null): void;

        set_title(title: string): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace StyleManager {
        // Signal signatures
        interface SignalSignatures extends GObject.Object.SignalSignatures {
            "notify::color-scheme": (pspec: GObject.ParamSpec) => void;
            "notify::dark": (pspec: GObject.ParamSpec) => void;
            "notify::display": (pspec: GObject.ParamSpec) => void;
            "notify::high-contrast": (pspec: GObject.ParamSpec) => void;
            "notify::system-supports-color-schemes": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends GObject.Object.ConstructorProps {
            color_scheme: ColorScheme;
            colorScheme: ColorScheme;
            dark: boolean;
            display: Gdk.Display;
            high_contrast: boolean;
            highContrast: boolean;
            system_supports_color_schemes: boolean;
            systemSupportsColorSchemes: boolean;
        }
    }

    class StyleManager extends GObject.Object {
        static $gtype: GObject.GType<StyleManager>;

        // Properties
        get color_scheme(): ColorScheme;
        set color_scheme(val: ColorScheme);

        get colorScheme(): ColorScheme;
        set colorScheme(val: ColorScheme);

        get dark(): boolean;

        get display(): Gdk.Display;

        get high_contrast(): boolean;

        get highContrast(): boolean;

        get system_supports_color_schemes(): boolean;

        get systemSupportsColorSchemes(): boolean;

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: StyleManager.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<StyleManager.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        // Signals
        /** @signal */
        connect<K extends keyof StyleManager.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, StyleManager.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof StyleManager.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, StyleManager.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof StyleManager.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<StyleManager.SignalSignatures[K]>): void;

        // Static methods
        static get_default(): StyleManager;

        static get_for_display(display: Gdk.Display): StyleManager;

        // Methods
        get_color_scheme(): ColorScheme;

        get_dark(): boolean;

        get_display(): Gdk.Display;

        get_high_contrast(): boolean;

        get_system_supports_color_schemes(): boolean;

        set_color_scheme(color_scheme: ColorScheme): void;
    }


    namespace SwipeTracker {
        // Signal signatures
        interface SignalSignatures extends GObject.Object.SignalSignatures {
            /** @signal */
            "begin-swipe": () => void;
            /** @signal */
            "end-swipe": (velocity: number, to: number) => void;
            /** @signal */
            prepare: (direction: NavigationDirection) => void;
            /** @signal */
            "update-swipe": (progress: number) => void;
            "notify::allow-long-swipes": (pspec: GObject.ParamSpec) => void;
            "notify::allow-mouse-drag": (pspec: GObject.ParamSpec) => void;
            "notify::enabled": (pspec: GObject.ParamSpec) => void;
            "notify::reversed": (pspec: GObject.ParamSpec) => void;
            "notify::swipeable": (pspec: GObject.ParamSpec) => void;
            "notify::orientation": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends GObject.Object.ConstructorProps, Gtk.Orientable.ConstructorProps {
            allow_long_swipes: boolean;
            allowLongSwipes: boolean;
            allow_mouse_drag: boolean;
            allowMouseDrag: boolean;
            enabled: boolean;
            reversed: boolean;
            swipeable: Swipeable;
        }
    }

    class SwipeTracker extends GObject.Object implements Gtk.Orientable {
        static $gtype: GObject.GType<SwipeTracker>;

        // Properties
        get allow_long_swipes(): boolean;
        set allow_long_swipes(val: boolean);

        get allowLongSwipes(): boolean;
        set allowLongSwipes(val: boolean);

        get allow_mouse_drag(): boolean;
        set allow_mouse_drag(val: boolean);

        get allowMouseDrag(): boolean;
        set allowMouseDrag(val: boolean);

        get enabled(): boolean;
        set enabled(val: boolean);

        get reversed(): boolean;
        set reversed(val: boolean);

        get swipeable(): Swipeable;

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: SwipeTracker.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<SwipeTracker.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](swipeable: Swipeable): SwipeTracker;

        // Signals
        /** @signal */
        connect<K extends keyof SwipeTracker.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, SwipeTracker.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof SwipeTracker.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, SwipeTracker.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof SwipeTracker.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<SwipeTracker.SignalSignatures[K]>): void;

        // Methods
        get_allow_long_swipes(): boolean;

        get_allow_mouse_drag(): boolean;

        get_enabled(): boolean;

        get_reversed(): boolean;

        get_swipeable(): Swipeable;

        set_allow_long_swipes(allow_long_swipes: boolean): void;

        set_allow_mouse_drag(allow_mouse_drag: boolean): void;

        set_enabled(enabled: boolean): void;

        set_reversed(reversed: boolean): void;

        shift_position(delta: number): void;

        /** @category Inherited from Gtk.Orientable */
        get orientation(): Gtk.Orientation;
        set orientation(val: Gtk.Orientation);

        get_orientation(): Gtk.Orientation;

        set_orientation(orientation: Gtk.Orientation): void;
    }


    namespace TabBar {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            /** @signal */
            "extra-drag-drop": (page: TabPage, value: unknown) => boolean | void;
            "notify::autohide": (pspec: GObject.ParamSpec) => void;
            "notify::end-action-widget": (pspec: GObject.ParamSpec) => void;
            "notify::expand-tabs": (pspec: GObject.ParamSpec) => void;
            "notify::inverted": (pspec: GObject.ParamSpec) => void;
            "notify::is-overflowing": (pspec: GObject.ParamSpec) => void;
            "notify::start-action-widget": (pspec: GObject.ParamSpec) => void;
            "notify::tabs-revealed": (pspec: GObject.ParamSpec) => void;
            "notify::view": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            autohide: boolean;
            end_action_widget: Gtk.Widget | null;
            endActionWidget: Gtk.Widget | null;
            expand_tabs: boolean;
            expandTabs: boolean;
            inverted: boolean;
            is_overflowing: boolean;
            isOverflowing: boolean;
            start_action_widget: Gtk.Widget | null;
            startActionWidget: Gtk.Widget | null;
            tabs_revealed: boolean;
            tabsRevealed: boolean;
            view: TabView | null;
        }
    }

    class TabBar extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<TabBar>;

        // Properties
        get autohide(): boolean;
        set autohide(val: boolean);

        get end_action_widget(): Gtk.Widget | null;
        set end_action_widget(val: Gtk.Widget | null);

        get endActionWidget(): Gtk.Widget | null;
        set endActionWidget(val: Gtk.Widget | null);

        get expand_tabs(): boolean;
        set expand_tabs(val: boolean);

        get expandTabs(): boolean;
        set expandTabs(val: boolean);

        get inverted(): boolean;
        set inverted(val: boolean);

        get is_overflowing(): boolean;

        get isOverflowing(): boolean;

        get start_action_widget(): Gtk.Widget | null;
        set start_action_widget(val: Gtk.Widget | null);

        get startActionWidget(): Gtk.Widget | null;
        set startActionWidget(val: Gtk.Widget | null);

        get tabs_revealed(): boolean;

        get tabsRevealed(): boolean;

        get view(): TabView | null;
        set view(val: TabView | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: TabBar.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<TabBar.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): TabBar;

        // Signals
        /** @signal */
        connect<K extends keyof TabBar.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, TabBar.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof TabBar.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, TabBar.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof TabBar.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<TabBar.SignalSignatures[K]>): void;

        // Methods
        get_autohide(): boolean;

        get_end_action_widget(): Gtk.Widget | null;

        get_expand_tabs(): boolean;

        get_inverted(): boolean;

        get_is_overflowing(): boolean;

        get_start_action_widget(): Gtk.Widget | null;

        get_tabs_revealed(): boolean;

        get_view(): TabView | null;

        set_autohide(autohide: boolean): void;

        set_end_action_widget(widget: Gtk.Widget | null): void;

        set_expand_tabs(expand_tabs: boolean): void;

        set_inverted(inverted: boolean): void;

        set_start_action_widget(widget: Gtk.Widget | null): void;

        set_view(view: TabView | null): void;

        setup_extra_drop_target(actions: Gdk.DragAction, types: GObject.GType[] | null): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace TabPage {
        // Signal signatures
        interface SignalSignatures extends GObject.Object.SignalSignatures {
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::icon": (pspec: GObject.ParamSpec) => void;
            "notify::indicator-activatable": (pspec: GObject.ParamSpec) => void;
            "notify::indicator-icon": (pspec: GObject.ParamSpec) => void;
            "notify::indicator-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::loading": (pspec: GObject.ParamSpec) => void;
            "notify::needs-attention": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::pinned": (pspec: GObject.ParamSpec) => void;
            "notify::selected": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends GObject.Object.ConstructorProps {
            child: Gtk.Widget;
            icon: Gio.Icon | null;
            indicator_activatable: boolean;
            indicatorActivatable: boolean;
            indicator_icon: Gio.Icon | null;
            indicatorIcon: Gio.Icon | null;
            indicator_tooltip: string;
            indicatorTooltip: string;
            loading: boolean;
            needs_attention: boolean;
            needsAttention: boolean;
            parent: TabPage | null;
            pinned: boolean;
            selected: boolean;
            title: string;
            tooltip: string | null;
        }
    }

    class TabPage extends GObject.Object {
        static $gtype: GObject.GType<TabPage>;

        // Properties
        get child(): Gtk.Widget;

        get icon(): Gio.Icon | null;
        set icon(val: Gio.Icon | null);

        get indicator_activatable(): boolean;
        set indicator_activatable(val: boolean);

        get indicatorActivatable(): boolean;
        set indicatorActivatable(val: boolean);

        get indicator_icon(): Gio.Icon | null;
        set indicator_icon(val: Gio.Icon | null);

        get indicatorIcon(): Gio.Icon | null;
        set indicatorIcon(val: Gio.Icon | null);

        get indicator_tooltip(): string;
        set indicator_tooltip(val: string);

        get indicatorTooltip(): string;
        set indicatorTooltip(val: string);

        get loading(): boolean;
        set loading(val: boolean);

        get needs_attention(): boolean;
        set needs_attention(val: boolean);

        get needsAttention(): boolean;
        set needsAttention(val: boolean);

        get parent(): TabPage | null;

        get pinned(): boolean;

        get selected(): boolean;

        get title(): string;
        set title(val: string);

        get tooltip(): string | null;
        set tooltip(val: string | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: TabPage.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<TabPage.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        // Signals
        /** @signal */
        connect<K extends keyof TabPage.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, TabPage.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof TabPage.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, TabPage.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof TabPage.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<TabPage.SignalSignatures[K]>): void;

        // Methods
        get_child(): Gtk.Widget;

        get_icon(): Gio.Icon | null;

        get_indicator_activatable(): boolean;

        get_indicator_icon(): Gio.Icon | null;

        get_indicator_tooltip(): string;

        get_loading(): boolean;

        get_needs_attention(): boolean;

        get_parent(): TabPage | null;

        get_pinned(): boolean;

        get_selected(): boolean;

        get_title(): string;

        get_tooltip(): string | null;

        set_icon(icon: Gio.Icon | null): void;

        set_indicator_activatable(activatable: boolean): void;

        set_indicator_icon(indicator_icon: Gio.Icon | null): void;

        set_indicator_tooltip(tooltip: string): void;

        set_loading(loading: boolean): void;

        set_needs_attention(needs_attention: boolean): void;

        set_title(title: string): void;

        set_tooltip(tooltip: string): void;
    }


    namespace TabView {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            /** @signal */
            "close-page": (page: TabPage) => boolean | void;
            /** @signal */
            "create-window": () => TabView | null;
            /** @signal */
            "indicator-activated": (page: TabPage) => void;
            /** @signal */
            "page-attached": (page: TabPage, position: number) => void;
            /** @signal */
            "page-detached": (page: TabPage, position: number) => void;
            /** @signal */
            "page-reordered": (page: TabPage, position: number) => void;
            /** @signal */
            "setup-menu": (page: TabPage | null) => void;
            "notify::default-icon": (pspec: GObject.ParamSpec) => void;
            "notify::is-transferring-page": (pspec: GObject.ParamSpec) => void;
            "notify::menu-model": (pspec: GObject.ParamSpec) => void;
            "notify::n-pages": (pspec: GObject.ParamSpec) => void;
            "notify::n-pinned-pages": (pspec: GObject.ParamSpec) => void;
            "notify::pages": (pspec: GObject.ParamSpec) => void;
            "notify::selected-page": (pspec: GObject.ParamSpec) => void;
            "notify::shortcuts": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            default_icon: Gio.Icon;
            defaultIcon: Gio.Icon;
            is_transferring_page: boolean;
            isTransferringPage: boolean;
            menu_model: Gio.MenuModel | null;
            menuModel: Gio.MenuModel | null;
            n_pages: number;
            nPages: number;
            n_pinned_pages: number;
            nPinnedPages: number;
            pages: Gtk.SelectionModel;
            selected_page: TabPage | null;
            selectedPage: TabPage | null;
            shortcuts: TabViewShortcuts;
        }
    }

    class TabView extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<TabView>;

        // Properties
        get default_icon(): Gio.Icon;
        set default_icon(val: Gio.Icon);

        get defaultIcon(): Gio.Icon;
        set defaultIcon(val: Gio.Icon);

        get is_transferring_page(): boolean;

        get isTransferringPage(): boolean;

        get menu_model(): Gio.MenuModel | null;
        set menu_model(val: Gio.MenuModel | null);

        get menuModel(): Gio.MenuModel | null;
        set menuModel(val: Gio.MenuModel | null);

        get n_pages(): number;

        get nPages(): number;

        get n_pinned_pages(): number;

        get nPinnedPages(): number;

        get pages(): Gtk.SelectionModel;

        get selected_page(): TabPage | null;
        set selected_page(val: TabPage | null);

        get selectedPage(): TabPage | null;
        set selectedPage(val: TabPage | null);

        get shortcuts(): TabViewShortcuts;
        set shortcuts(val: TabViewShortcuts);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: TabView.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<TabView.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): TabView;

        // Signals
        /** @signal */
        connect<K extends keyof TabView.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, TabView.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof TabView.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, TabView.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof TabView.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<TabView.SignalSignatures[K]>): void;

        // Methods
        add_page(child: Gtk.Widget, parent: TabPage | null): TabPage;

        add_shortcuts(shortcuts: TabViewShortcuts): void;

        append(child: Gtk.Widget): TabPage;

        append_pinned(child: Gtk.Widget): TabPage;

        close_other_pages(page: TabPage): void;

        close_page(page: TabPage): void;

        close_page_finish(page: TabPage, confirm: boolean): void;

        close_pages_after(page: TabPage): void;

        close_pages_before(page: TabPage): void;

        get_default_icon(): Gio.Icon;

        get_is_transferring_page(): boolean;

        get_menu_model(): Gio.MenuModel | null;

        get_n_pages(): number;

        get_n_pinned_pages(): number;

        get_nth_page(position: number): TabPage;

        get_page(child: Gtk.Widget): TabPage;

        get_page_position(page: TabPage): number;

        get_pages(): Gtk.SelectionModel;

        get_selected_page(): TabPage | null;

        get_shortcuts(): TabViewShortcuts;

        insert(child: Gtk.Widget, position: number): TabPage;

        insert_pinned(child: Gtk.Widget, position: number): TabPage;

        prepend(child: Gtk.Widget): TabPage;

        prepend_pinned(child: Gtk.Widget): TabPage;

        remove_shortcuts(shortcuts: TabViewShortcuts): void;

        reorder_backward(page: TabPage): boolean;

        reorder_first(page: TabPage): boolean;

        reorder_forward(page: TabPage): boolean;

        reorder_last(page: TabPage): boolean;

        reorder_page(page: TabPage, position: number): boolean;

        select_next_page(): boolean;

        select_previous_page(): boolean;

        set_default_icon(default_icon: Gio.Icon): void;

        set_menu_model(menu_model: Gio.MenuModel | null): void;

        set_page_pinned(page: TabPage, pinned: boolean): void;

        set_selected_page(selected_page: TabPage): void;

        set_shortcuts(shortcuts: TabViewShortcuts): void;

        transfer_page(page: TabPage, other_view: TabView, position: number): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace TimedAnimation {
        // Signal signatures
        interface SignalSignatures extends Animation.SignalSignatures {
            "notify::alternate": (pspec: GObject.ParamSpec) => void;
            "notify::duration": (pspec: GObject.ParamSpec) => void;
            "notify::easing": (pspec: GObject.ParamSpec) => void;
            "notify::repeat-count": (pspec: GObject.ParamSpec) => void;
            "notify::reverse": (pspec: GObject.ParamSpec) => void;
            "notify::value-from": (pspec: GObject.ParamSpec) => void;
            "notify::value-to": (pspec: GObject.ParamSpec) => void;
            "notify::state": (pspec: GObject.ParamSpec) => void;
            "notify::target": (pspec: GObject.ParamSpec) => void;
            "notify::value": (pspec: GObject.ParamSpec) => void;
            "notify::widget": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Animation.ConstructorProps {
            alternate: boolean;
            duration: number;
            easing: Easing;
            repeat_count: number;
            repeatCount: number;
            reverse: boolean;
            value_from: number;
            valueFrom: number;
            value_to: number;
            valueTo: number;
        }
    }

    class TimedAnimation extends Animation {
        static $gtype: GObject.GType<TimedAnimation>;

        // Properties
        get alternate(): boolean;
        set alternate(val: boolean);

        get duration(): number;
        set duration(val: number);

        get easing(): Easing;
        set easing(val: Easing);

        get repeat_count(): number;
        set repeat_count(val: number);

        get repeatCount(): number;
        set repeatCount(val: number);

        get reverse(): boolean;
        set reverse(val: boolean);

        get value_from(): number;
        set value_from(val: number);

        get valueFrom(): number;
        set valueFrom(val: number);

        get value_to(): number;
        set value_to(val: number);

        get valueTo(): number;
        set valueTo(val: number);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: TimedAnimation.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<TimedAnimation.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](widget: Gtk.Widget, from: number, to: number, duration: number, target: AnimationTarget): TimedAnimation;

        // Signals
        /** @signal */
        connect<K extends keyof TimedAnimation.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, TimedAnimation.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof TimedAnimation.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, TimedAnimation.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof TimedAnimation.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<TimedAnimation.SignalSignatures[K]>): void;

        // Methods
        get_alternate(): boolean;

        get_duration(): number;

        get_easing(): Easing;

        get_repeat_count(): number;

        get_reverse(): boolean;

        get_value_from(): number;

        get_value_to(): number;

        set_alternate(alternate: boolean): void;

        set_duration(duration: number): void;

        set_easing(easing: Easing): void;

        set_repeat_count(repeat_count: number): void;

        set_reverse(reverse: boolean): void;

        set_value_from(value: number): void;

        set_value_to(value: number): void;
    }


    namespace Toast {
        // Signal signatures
        interface SignalSignatures extends GObject.Object.SignalSignatures {
            /** @signal */
            "button-clicked": () => void;
            /** @signal */
            dismissed: () => void;
            "notify::action-name": (pspec: GObject.ParamSpec) => void;
            "notify::action-target": (pspec: GObject.ParamSpec) => void;
            "notify::button-label": (pspec: GObject.ParamSpec) => void;
            "notify::custom-title": (pspec: GObject.ParamSpec) => void;
            "notify::priority": (pspec: GObject.ParamSpec) => void;
            "notify::timeout": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends GObject.Object.ConstructorProps {
            action_name: string | null;
            actionName: string | null;
            action_target: GLib.Variant;
            actionTarget: GLib.Variant;
            button_label: string | null;
            buttonLabel: string | null;
            custom_title: Gtk.Widget | null;
            customTitle: Gtk.Widget | null;
            priority: ToastPriority;
            timeout: number;
            title: string | null;
        }
    }

    class Toast extends GObject.Object {
        static $gtype: GObject.GType<Toast>;

        // Properties
        get action_name(): string | null;
        set action_name(val: string | null);

        get actionName(): string | null;
        set actionName(val: string | null);

        get action_target(): GLib.Variant;
        set action_target(val: GLib.Variant);

        get actionTarget(): GLib.Variant;
        set actionTarget(val: GLib.Variant);

        get button_label(): string | null;
        set button_label(val: string | null);

        get buttonLabel(): string | null;
        set buttonLabel(val: string | null);

        get custom_title(): Gtk.Widget | null;
        set custom_title(val: Gtk.Widget | null);

        get customTitle(): Gtk.Widget | null;
        set customTitle(val: Gtk.Widget | null);

        get priority(): ToastPriority;
        set priority(val: ToastPriority);

        get timeout(): number;
        set timeout(val: number);

        get title(): string | null;
        set title(val: string | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: Toast.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<Toast.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](title: string): Toast;

        // Signals
        /** @signal */
        connect<K extends keyof Toast.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Toast.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof Toast.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Toast.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof Toast.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<Toast.SignalSignatures[K]>): void;

        // Methods
        dismiss(): void;

        get_action_name(): string | null;

        get_action_target_value(): GLib.Variant | null;

        get_button_label(): string | null;

        get_custom_title(): Gtk.Widget | null;

        get_priority(): ToastPriority;

        get_timeout(): number;

        get_title(): string | null;

        set_action_name(action_name: string | null): void;

        set_action_target_value(action_target: GLib.Variant | null): void;

        set_button_label(button_label: string | null): void;

        set_custom_title(widget: Gtk.Widget | null): void;

        set_detailed_action_name(detailed_action_name: string | null): void;

        set_priority(priority: ToastPriority): void;

        set_timeout(timeout: number): void;

        set_title(title: string): void;
    }


    namespace ToastOverlay {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            child: Gtk.Widget | null;
        }
    }

    class ToastOverlay extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<ToastOverlay>;

        // Properties
        get child(): Gtk.Widget | null;
        set child(val: Gtk.Widget | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: ToastOverlay.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<ToastOverlay.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): ToastOverlay;

        // Signals
        /** @signal */
        connect<K extends keyof ToastOverlay.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ToastOverlay.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof ToastOverlay.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ToastOverlay.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof ToastOverlay.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<ToastOverlay.SignalSignatures[K]>): void;

        // Methods
        add_toast(toast: Toast): void;

        get_child(): Gtk.Widget | null;

        set_child(child: Gtk.Widget | null): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace ViewStack {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::hhomogeneous": (pspec: GObject.ParamSpec) => void;
            "notify::pages": (pspec: GObject.ParamSpec) => void;
            "notify::vhomogeneous": (pspec: GObject.ParamSpec) => void;
            "notify::visible-child": (pspec: GObject.ParamSpec) => void;
            "notify::visible-child-name": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            hhomogeneous: boolean;
            pages: Gtk.SelectionModel;
            vhomogeneous: boolean;
            visible_child: Gtk.Widget | null;
            visibleChild: Gtk.Widget | null;
            visible_child_name: string | null;
            visibleChildName: string | null;
        }
    }

    class ViewStack extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<ViewStack>;

        // Properties
        get hhomogeneous(): boolean;
        set hhomogeneous(val: boolean);

        get pages(): Gtk.SelectionModel;

        get vhomogeneous(): boolean;
        set vhomogeneous(val: boolean);

        get visible_child(): Gtk.Widget | null;
        set visible_child(val: Gtk.Widget | null);

        get visibleChild(): Gtk.Widget | null;
        set visibleChild(val: Gtk.Widget | null);

        get visible_child_name(): string | null;
        set visible_child_name(val: string | null);

        get visibleChildName(): string | null;
        set visibleChildName(val: string | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: ViewStack.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<ViewStack.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): ViewStack;

        // Signals
        /** @signal */
        connect<K extends keyof ViewStack.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ViewStack.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof ViewStack.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ViewStack.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof ViewStack.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<ViewStack.SignalSignatures[K]>): void;

        // Methods
        add(child: Gtk.Widget): ViewStackPage;

        add_named(child: Gtk.Widget, name: string | null): ViewStackPage;

        add_titled(child: Gtk.Widget, name: string | null, title: string): ViewStackPage;

        add_titled_with_icon(child: Gtk.Widget, name: string | null, title: string, icon_name: string): ViewStackPage;

        get_child_by_name(name: string): Gtk.Widget | null;

        get_hhomogeneous(): boolean;

        get_page(child: Gtk.Widget): ViewStackPage;

        get_pages(): Gtk.SelectionModel;

        get_vhomogeneous(): boolean;

        get_visible_child(): Gtk.Widget | null;

        get_visible_child_name(): string | null;

        remove(child: Gtk.Widget): void;

        set_hhomogeneous(hhomogeneous: boolean): void;

        set_vhomogeneous(vhomogeneous: boolean): void;

        set_visible_child(child: Gtk.Widget): void;

        set_visible_child_name(name: string): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace ViewStackPage {
        // Signal signatures
        interface SignalSignatures extends GObject.Object.SignalSignatures {
            "notify::badge-number": (pspec: GObject.ParamSpec) => void;
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::icon-name": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::needs-attention": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::use-underline": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends GObject.Object.ConstructorProps {
            badge_number: number;
            badgeNumber: number;
            child: Gtk.Widget;
            icon_name: string | null;
            iconName: string | null;
            name: string | null;
            needs_attention: boolean;
            needsAttention: boolean;
            title: string | null;
            use_underline: boolean;
            useUnderline: boolean;
            visible: boolean;
        }
    }

    class ViewStackPage extends GObject.Object {
        static $gtype: GObject.GType<ViewStackPage>;

        // Properties
        get badge_number(): number;
        set badge_number(val: number);

        get badgeNumber(): number;
        set badgeNumber(val: number);

        get child(): Gtk.Widget;

        get icon_name(): string | null;
        set icon_name(val: string | null);

        get iconName(): string | null;
        set iconName(val: string | null);

        get name(): string | null;
        set name(val: string | null);

        get needs_attention(): boolean;
        set needs_attention(val: boolean);

        get needsAttention(): boolean;
        set needsAttention(val: boolean);

        get title(): string | null;
        set title(val: string | null);

        get use_underline(): boolean;
        set use_underline(val: boolean);

        get useUnderline(): boolean;
        set useUnderline(val: boolean);

        get visible(): boolean;
        set visible(val: boolean);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: ViewStackPage.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<ViewStackPage.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        // Signals
        /** @signal */
        connect<K extends keyof ViewStackPage.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ViewStackPage.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof ViewStackPage.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ViewStackPage.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof ViewStackPage.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<ViewStackPage.SignalSignatures[K]>): void;

        // Methods
        get_badge_number(): number;

        get_child(): Gtk.Widget;

        get_icon_name(): string | null;

        get_name(): string | null;

        get_needs_attention(): boolean;

        get_title(): string | null;

        get_use_underline(): boolean;

        get_visible(): boolean;

        set_badge_number(badge_number: number): void;

        set_icon_name(icon_name: string | null): void;

        set_name(name: string | null): void;

        set_needs_attention(needs_attention: boolean): void;

        set_title(title: string | null): void;

        set_use_underline(use_underline: boolean): void;

        set_visible(visible: boolean): void;
    }


    namespace ViewSwitcher {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::policy": (pspec: GObject.ParamSpec) => void;
            "notify::stack": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            policy: ViewSwitcherPolicy;
            stack: ViewStack | null;
        }
    }

    class ViewSwitcher extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<ViewSwitcher>;

        // Properties
        get policy(): ViewSwitcherPolicy;
        set policy(val: ViewSwitcherPolicy);

        get stack(): ViewStack | null;
        set stack(val: ViewStack | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: ViewSwitcher.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<ViewSwitcher.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): ViewSwitcher;

        // Signals
        /** @signal */
        connect<K extends keyof ViewSwitcher.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ViewSwitcher.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof ViewSwitcher.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ViewSwitcher.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof ViewSwitcher.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<ViewSwitcher.SignalSignatures[K]>): void;

        // Methods
        get_policy(): ViewSwitcherPolicy;

        get_stack(): ViewStack | null;

        set_policy(policy: ViewSwitcherPolicy): void;

        set_stack(stack: ViewStack | null): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace ViewSwitcherBar {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::reveal": (pspec: GObject.ParamSpec) => void;
            "notify::stack": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            reveal: boolean;
            stack: ViewStack | null;
        }
    }

    class ViewSwitcherBar extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<ViewSwitcherBar>;

        // Properties
        get reveal(): boolean;
        set reveal(val: boolean);

        get stack(): ViewStack | null;
        set stack(val: ViewStack | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: ViewSwitcherBar.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<ViewSwitcherBar.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): ViewSwitcherBar;

        // Signals
        /** @signal */
        connect<K extends keyof ViewSwitcherBar.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ViewSwitcherBar.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof ViewSwitcherBar.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ViewSwitcherBar.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof ViewSwitcherBar.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<ViewSwitcherBar.SignalSignatures[K]>): void;

        // Methods
        get_reveal(): boolean;

        get_stack(): ViewStack | null;

        set_reveal(reveal: boolean): void;

        set_stack(stack: ViewStack | null): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace ViewSwitcherTitle {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::stack": (pspec: GObject.ParamSpec) => void;
            "notify::subtitle": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::title-visible": (pspec: GObject.ParamSpec) => void;
            "notify::view-switcher-enabled": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            stack: ViewStack | null;
            subtitle: string;
            title: string;
            title_visible: boolean;
            titleVisible: boolean;
            view_switcher_enabled: boolean;
            viewSwitcherEnabled: boolean;
        }
    }

    class ViewSwitcherTitle extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<ViewSwitcherTitle>;

        // Properties
        get stack(): ViewStack | null;
        set stack(val: ViewStack | null);

        get subtitle(): string;
        set subtitle(val: string);

        get title(): string;
        set title(val: string);

        get title_visible(): boolean;

        get titleVisible(): boolean;

        get view_switcher_enabled(): boolean;
        set view_switcher_enabled(val: boolean);

        get viewSwitcherEnabled(): boolean;
        set viewSwitcherEnabled(val: boolean);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: ViewSwitcherTitle.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<ViewSwitcherTitle.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): ViewSwitcherTitle;

        // Signals
        /** @signal */
        connect<K extends keyof ViewSwitcherTitle.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ViewSwitcherTitle.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof ViewSwitcherTitle.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, ViewSwitcherTitle.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof ViewSwitcherTitle.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<ViewSwitcherTitle.SignalSignatures[K]>): void;

        // Methods
        get_stack(): ViewStack | null;

        get_subtitle(): string;

        get_title(): string;

        get_title_visible(): boolean;

        get_view_switcher_enabled(): boolean;

        set_stack(stack: ViewStack | null): void;

        set_subtitle(subtitle: string): void;

        set_title(title: string): void;

        set_view_switcher_enabled(enabled: boolean): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    namespace Window {
        // Signal signatures
        interface SignalSignatures extends Gtk.Window.SignalSignatures {
            "notify::content": (pspec: GObject.ParamSpec) => void;
            "notify::application": (pspec: GObject.ParamSpec) => void;
            "notify::child": (pspec: GObject.ParamSpec) => void;
            "notify::decorated": (pspec: GObject.ParamSpec) => void;
            "notify::default-height": (pspec: GObject.ParamSpec) => void;
            "notify::default-widget": (pspec: GObject.ParamSpec) => void;
            "notify::default-width": (pspec: GObject.ParamSpec) => void;
            "notify::deletable": (pspec: GObject.ParamSpec) => void;
            "notify::destroy-with-parent": (pspec: GObject.ParamSpec) => void;
            "notify::display": (pspec: GObject.ParamSpec) => void;
            "notify::focus-visible": (pspec: GObject.ParamSpec) => void;
            "notify::focus-widget": (pspec: GObject.ParamSpec) => void;
            "notify::fullscreened": (pspec: GObject.ParamSpec) => void;
            "notify::handle-menubar-accel": (pspec: GObject.ParamSpec) => void;
            "notify::hide-on-close": (pspec: GObject.ParamSpec) => void;
            "notify::icon-name": (pspec: GObject.ParamSpec) => void;
            "notify::is-active": (pspec: GObject.ParamSpec) => void;
            "notify::maximized": (pspec: GObject.ParamSpec) => void;
            "notify::mnemonics-visible": (pspec: GObject.ParamSpec) => void;
            "notify::modal": (pspec: GObject.ParamSpec) => void;
            "notify::resizable": (pspec: GObject.ParamSpec) => void;
            "notify::startup-id": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::titlebar": (pspec: GObject.ParamSpec) => void;
            "notify::transient-for": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Window.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps, Gtk.Native.ConstructorProps, Gtk.Root.ConstructorProps, Gtk.ShortcutManager.ConstructorProps {
            content: Gtk.Widget | null;
        }
    }

    class Window extends Gtk.Window implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget, Gtk.Native, Gtk.Root, Gtk.ShortcutManager {
        static $gtype: GObject.GType<Window>;

        // Properties
        get content(): Gtk.Widget | null;
        set content(val: Gtk.Widget | null);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: Window.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<Window.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](): Window;

        // Signals
        /** @signal */
        connect<K extends keyof Window.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Window.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof Window.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, Window.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof Window.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<Window.SignalSignatures[K]>): void;

        // Methods
        get_content(): Gtk.Widget | null;

        set_content(content: Gtk.Widget | null): void;

        get_renderer(): Gsk.Renderer;

        get_surface(): Gdk.Surface;

        get_surface_transform(): [number, number];

        realize(): void;

        unrealize(): void;

        get_display(): Gdk.Display;

        get_focus(): Gtk.Widget | null;

        set_focus(focus: Gtk.Widget | null): void;

        vfunc_add_controller(controller: Gtk.ShortcutController): void;

        vfunc_remove_controller(controller: Gtk.ShortcutController): void;
    }


    namespace WindowTitle {
        // Signal signatures
        interface SignalSignatures extends Gtk.Widget.SignalSignatures {
            "notify::subtitle": (pspec: GObject.ParamSpec) => void;
            "notify::title": (pspec: GObject.ParamSpec) => void;
            "notify::can-focus": (pspec: GObject.ParamSpec) => void;
            "notify::can-target": (pspec: GObject.ParamSpec) => void;
            "notify::css-classes": (pspec: GObject.ParamSpec) => void;
            "notify::css-name": (pspec: GObject.ParamSpec) => void;
            "notify::cursor": (pspec: GObject.ParamSpec) => void;
            "notify::focus-on-click": (pspec: GObject.ParamSpec) => void;
            "notify::focusable": (pspec: GObject.ParamSpec) => void;
            "notify::halign": (pspec: GObject.ParamSpec) => void;
            "notify::has-default": (pspec: GObject.ParamSpec) => void;
            "notify::has-focus": (pspec: GObject.ParamSpec) => void;
            "notify::has-tooltip": (pspec: GObject.ParamSpec) => void;
            "notify::height-request": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand": (pspec: GObject.ParamSpec) => void;
            "notify::hexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::layout-manager": (pspec: GObject.ParamSpec) => void;
            "notify::margin-bottom": (pspec: GObject.ParamSpec) => void;
            "notify::margin-end": (pspec: GObject.ParamSpec) => void;
            "notify::margin-start": (pspec: GObject.ParamSpec) => void;
            "notify::margin-top": (pspec: GObject.ParamSpec) => void;
            "notify::name": (pspec: GObject.ParamSpec) => void;
            "notify::opacity": (pspec: GObject.ParamSpec) => void;
            "notify::overflow": (pspec: GObject.ParamSpec) => void;
            "notify::parent": (pspec: GObject.ParamSpec) => void;
            "notify::receives-default": (pspec: GObject.ParamSpec) => void;
            "notify::root": (pspec: GObject.ParamSpec) => void;
            "notify::scale-factor": (pspec: GObject.ParamSpec) => void;
            "notify::sensitive": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-markup": (pspec: GObject.ParamSpec) => void;
            "notify::tooltip-text": (pspec: GObject.ParamSpec) => void;
            "notify::valign": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand": (pspec: GObject.ParamSpec) => void;
            "notify::vexpand-set": (pspec: GObject.ParamSpec) => void;
            "notify::visible": (pspec: GObject.ParamSpec) => void;
            "notify::width-request": (pspec: GObject.ParamSpec) => void;
            "notify::accessible-role": (pspec: GObject.ParamSpec) => void;
        }

        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps, Gtk.Accessible.ConstructorProps, Gtk.Buildable.ConstructorProps, Gtk.ConstraintTarget.ConstructorProps {
            subtitle: string;
            title: string;
        }
    }

    class WindowTitle extends Gtk.Widget implements Gtk.Accessible, Gtk.Buildable, Gtk.ConstraintTarget {
        static $gtype: GObject.GType<WindowTitle>;

        // Properties
        get subtitle(): string;
        set subtitle(val: string);

        get title(): string;
        set title(val: string);

        /**
         * Compile-time signal type information.
         *
         * This instance property is generated only for TypeScript type checking.
         * It is not defined at runtime and should not be accessed in JS code.
         * @internal
         */
        $signals: WindowTitle.SignalSignatures;

        // Constructors
        constructor(properties?: Partial<WindowTitle.ConstructorProps>, ...args: any[]);

        _init(...args: any[]): void;

        static ["new"](title: string, subtitle: string): WindowTitle;

        // Signals
        /** @signal */
        connect<K extends keyof WindowTitle.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, WindowTitle.SignalSignatures[K]>): number;

        /** @signal */
        connect_after<K extends keyof WindowTitle.SignalSignatures>(signal: K, callback: GObject.SignalCallback<this, WindowTitle.SignalSignatures[K]>): number;

        /** @signal */
        emit<K extends keyof WindowTitle.SignalSignatures>(signal: K, ...args: GObject.GjsParameters<WindowTitle.SignalSignatures[K]>): void;

        // Methods
        get_subtitle(): string;

        get_title(): string;

        set_subtitle(subtitle: string): void;

        set_title(title: string): void;

        /** @category Inherited from Gtk.Accessible */
        get accessible_role(): Gtk.AccessibleRole;
        set accessible_role(val: Gtk.AccessibleRole);

        /** @category Inherited from Gtk.Accessible */
        get accessibleRole(): Gtk.AccessibleRole;
        set accessibleRole(val: Gtk.AccessibleRole);

        get_accessible_role(): Gtk.AccessibleRole;

        reset_property(property: Gtk.AccessibleProperty): void;

        reset_relation(relation: Gtk.AccessibleRelation): void;

        reset_state(state: Gtk.AccessibleState): void;

        update_property(properties: Gtk.AccessibleProperty[], values: (GObject.Value | any)[]): void;

        update_relation(relations: Gtk.AccessibleRelation[], values: (GObject.Value | any)[]): void;

        update_state(states: Gtk.AccessibleState[], values: (GObject.Value | any)[]): void;

        get_buildable_id(): string | null;

        vfunc_add_child(builder: Gtk.Builder, child: GObject.Object, type: string | null): void;

        vfunc_custom_finished(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_end(builder: Gtk.Builder, child: GObject.Object | null, tagname: string, data: null): void;

        vfunc_custom_tag_start(builder: Gtk.Builder, child: GObject.Object | null, tagname: string): [boolean, Gtk.BuildableParser, never];

        vfunc_get_id(): string;

        vfunc_get_internal_child<T = GObject.Object>(builder: Gtk.Builder, childname: string): T;

        vfunc_parser_finished(builder: Gtk.Builder): void;

        vfunc_set_buildable_property(builder: Gtk.Builder, name: string, value: unknown): void;

        vfunc_set_id(id: string): void;
    }


    type AboutWindowClass = typeof AboutWindow;

    type ActionRowClass = typeof ActionRow;

    type AnimationClass = typeof Animation;

    type AnimationTargetClass = typeof AnimationTarget;

    type ApplicationClass = typeof Application;

    type ApplicationWindowClass = typeof ApplicationWindow;

    type AvatarClass = typeof Avatar;

    type BinClass = typeof Bin;

    type ButtonContentClass = typeof ButtonContent;

    type CallbackAnimationTargetClass = typeof CallbackAnimationTarget;

    type CarouselClass = typeof Carousel;

    type CarouselIndicatorDotsClass = typeof CarouselIndicatorDots;

    type CarouselIndicatorLinesClass = typeof CarouselIndicatorLines;

    type ClampClass = typeof Clamp;

    type ClampLayoutClass = typeof ClampLayout;

    type ClampScrollableClass = typeof ClampScrollable;

    type ComboRowClass = typeof ComboRow;

    type EntryRowClass = typeof EntryRow;

    type EnumListItemClass = typeof EnumListItem;

    type EnumListModelClass = typeof EnumListModel;

    type ExpanderRowClass = typeof ExpanderRow;

    type FlapClass = typeof Flap;

    type HeaderBarClass = typeof HeaderBar;

    type LeafletClass = typeof Leaflet;

    type LeafletPageClass = typeof LeafletPage;

    type MessageDialogClass = typeof MessageDialog;

    type PasswordEntryRowClass = typeof PasswordEntryRow;

    type PreferencesGroupClass = typeof PreferencesGroup;

    type PreferencesPageClass = typeof PreferencesPage;

    type PreferencesRowClass = typeof PreferencesRow;

    type PreferencesWindowClass = typeof PreferencesWindow;

    type PropertyAnimationTargetClass = typeof PropertyAnimationTarget;

    type SplitButtonClass = typeof SplitButton;

    type SpringAnimationClass = typeof SpringAnimation;

    class SpringParams {
        static $gtype: GObject.GType<SpringParams>;

        // Constructors
        constructor(damping_ratio: number, mass: number, stiffness: number);

        static ["new"](damping_ratio: number, mass: number, stiffness: number): SpringParams;

        static new_full(damping: number, mass: number, stiffness: number): SpringParams;

        // Methods
        get_damping(): number;

        get_damping_ratio(): number;

        get_mass(): number;

        get_stiffness(): number;

        ref(): SpringParams;

        unref(): void;
    }


    type SqueezerClass = typeof Squeezer;

    type SqueezerPageClass = typeof SqueezerPage;

    type StatusPageClass = typeof StatusPage;

    type StyleManagerClass = typeof StyleManager;

    type SwipeTrackerClass = typeof SwipeTracker;

    type SwipeableInterface = typeof Swipeable;

    type TabBarClass = typeof TabBar;

    type TabPageClass = typeof TabPage;

    type TabViewClass = typeof TabView;

    type TimedAnimationClass = typeof TimedAnimation;

    type ToastClass = typeof Toast;

    type ToastOverlayClass = typeof ToastOverlay;

    type ViewStackClass = typeof ViewStack;

    type ViewStackPageClass = typeof ViewStackPage;

    type ViewSwitcherBarClass = typeof ViewSwitcherBar;

    type ViewSwitcherClass = typeof ViewSwitcher;

    type ViewSwitcherTitleClass = typeof ViewSwitcherTitle;

    type WindowClass = typeof Window;

    type WindowTitleClass = typeof WindowTitle;

    namespace Swipeable {
        /**
         * Interface for implementing Swipeable.
         * Contains only the virtual methods that need to be implemented.
         */
        interface Interface {

            // Virtual methods
            vfunc_get_cancel_progress(): number;

            vfunc_get_distance(): number;

            vfunc_get_progress(): number;

            vfunc_get_snap_points(): number[];

            vfunc_get_swipe_area(navigation_direction: NavigationDirection, is_drag: boolean): Gdk.Rectangle;
        }


        // Constructor properties interface
        interface ConstructorProps extends Gtk.Widget.ConstructorProps {}
    }

    export interface SwipeableNamespace {
        $gtype: GObject.GType<Swipeable>;
        prototype: Swipeable;
    }
    interface Swipeable extends Gtk.Widget, Swipeable.Interface {

        // Methods
        get_cancel_progress(): number;

        get_distance(): number;

        get_progress(): number;

        get_snap_points(): number[];

        get_swipe_area(navigation_direction: NavigationDirection, is_drag: boolean): Gdk.Rectangle;
    }


    export const Swipeable: SwipeableNamespace & {
        new (): Swipeable; // This allows `obj instanceof Swipeable`
    };

    const __name__: string;

    const __version__: string;
}

export default Adw;

}

declare module 'gi://Adw' {
    import Adw1 from 'gi://Adw?version=1';
    export default Adw1;
}
// END
