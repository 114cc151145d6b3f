import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { BackgroundPortal } from '../../src/controller/BackgroundPortal.ts';
import { waitFor } from '../support/async.ts';

const PORTAL_XML = `<node>
  <interface name="org.freedesktop.portal.Background">
    <method name="RequestBackground">
      <arg type="s" direction="in" name="parent_window"/>
      <arg type="a{sv}" direction="in" name="options"/>
      <arg type="o" direction="out" name="handle"/>
    </method>
  </interface>
</node>`;

/**
 * Plays xdg-desktop-portal's part of the Background protocol (a Request object path derived
 * from the caller's name and handle_token, then a Response signal on it), under a name of its
 * own: there is no sandbox and no portal backend with a Background implementation under Xvfb.
 */
class BackgroundPortalStandIn {
  static readonly NAME = 'ie.fio.dfakeseeder.TestPortal';
  requests: { parent: string; options: Record<string, unknown>; handle: string }[] = [];
  /** 0 = granted, 1 = the user said no, null = never answer. */
  answer: number | null = 0;
  #exported: Gio.DBusExportedObject | null = null;
  #owner = 0;

  async start(): Promise<void> {
    this.#exported = Gio.DBusExportedObject.wrapJSObject(PORTAL_XML, {
      RequestBackgroundAsync: (
        [parent, options]: [string, Record<string, GLib.Variant>],
        inv: Gio.DBusMethodInvocation,
      ) => {
        const unpacked = Object.fromEntries(Object.entries(options).map(([k, v]) => [k, v.deepUnpack()]));
        const sender = inv.get_sender()!.replace(/^:/, '').replace(/\./g, '_');
        const handle = `/org/freedesktop/portal/desktop/request/${sender}/${String(unpacked.handle_token)}`;
        this.requests.push({ parent, options: unpacked, handle });
        inv.return_value(new GLib.Variant('(o)', [handle]));
        if (this.answer === null) return;
        const results = {
          background: new GLib.Variant('b', this.answer === 0),
          autostart: new GLib.Variant('b', this.answer === 0 && unpacked.autostart === true),
        };
        inv
          .get_connection()
          .emit_signal(
            inv.get_sender(),
            handle,
            'org.freedesktop.portal.Request',
            'Response',
            new GLib.Variant('(ua{sv})', [this.answer, results]),
          );
      },
    });
    this.#exported.export(Gio.DBus.session, '/org/freedesktop/portal/desktop');
    let acquired = false;
    this.#owner = Gio.bus_own_name_on_connection(
      Gio.DBus.session,
      BackgroundPortalStandIn.NAME,
      Gio.BusNameOwnerFlags.NONE,
      () => (acquired = true),
      null,
    );
    await waitFor(() => acquired, 'the stand-in portal name');
  }

  stop(): void {
    if (this.#owner) Gio.bus_unown_name(this.#owner);
    this.#exported?.unexport();
  }
}

describe('Background portal requests (Flatpak)', () => {
  let standIn: BackgroundPortalStandIn;
  let portal: BackgroundPortal;

  beforeAll(async () => {
    standIn = new BackgroundPortalStandIn();
    await standIn.start();
    // A second connection, as the app has its own: the portal answers the caller's unique name.
    const connection = Gio.DBusConnection.new_for_address_sync(
      Gio.dbus_address_get_for_bus_sync(Gio.BusType.SESSION, null),
      Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
      null,
      null,
    );
    portal = new BackgroundPortal(connection, BackgroundPortalStandIn.NAME);
  });

  afterAll(() => standIn.stop());

  beforeEach(() => {
    standIn.requests = [];
    standIn.answer = 0;
  });

  it('asks to run in the background and to start at login, with the command to run', async () => {
    const answer = await portal.request({
      reason: 'Keep seeding',
      autostart: true,
      commandline: ['dfakeseeder', '--background'],
    });
    expect(answer).toEqual({ background: true, autostart: true });
    expect(standIn.requests.length).toBe(1);
    const { options } = standIn.requests[0];
    expect(options.reason).toBe('Keep seeding');
    expect(options.autostart).toBeTrue();
    expect(options.commandline).toEqual(['dfakeseeder', '--background']);
    expect(options.handle_token).toMatch(/^dfs\d+$/);
  });

  it('reports a refusal as not allowed', async () => {
    standIn.answer = 1;
    const answer = await portal.request({ reason: 'Keep seeding', autostart: false, commandline: ['dfakeseeder'] });
    expect(answer).toEqual({ background: false, autostart: false });
  });

  it('reports "not allowed" when there is no portal at all, without throwing', async () => {
    const missing = new BackgroundPortal(Gio.DBus.session, 'ie.fio.dfakeseeder.NoSuchPortal');
    const answer = await missing.request({ reason: 'Keep seeding', autostart: false, commandline: ['dfakeseeder'] });
    expect(answer).toEqual({ background: false, autostart: false });
  });
});
