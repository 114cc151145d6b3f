import Adw from 'gi://Adw';
import Gtk from 'gi://Gtk?version=4.0';

import { RemoteAccess } from '../../src/controller/remote/RemoteAccess.ts';
import { SettingsStore } from '../../src/model/settings/index.ts';
import { RemoteAccessPage } from '../../src/view/RemoteAccessPage.ts';
import { waitFor } from '../support/async.ts';
import { pumpEvents, saveScreenshot } from '../support/gtk.ts';
import { closedPort } from '../support/ports.ts';
import { emptySource, noCommands, RemoteClient } from '../support/remoteApp.ts';
import { makeTempDir, removeTree } from '../support/tempdir.ts';
import { findAll, initUi, useUiTimeout } from './support/fixture.ts';

function rowTitled(root: Gtk.Widget, title: string): Adw.PreferencesRow {
  const row = findAll(root, Adw.PreferencesRow).find((r) => r.get_title() === title);
  if (!row) throw new Error(`no row “${title}”`);
  return row;
}

describe('Preferences → Remote Access (real RemoteAccess and settings store)', () => {
  useUiTimeout();
  let dir: string;
  let settings: SettingsStore;
  let access: RemoteAccess;
  let window: Adw.PreferencesWindow;
  let page: RemoteAccessPage;
  const toasts: string[] = [];

  beforeAll(() => {
    if (!initUi()) pending('no display');
  });

  beforeEach(async () => {
    dir = makeTempDir('dfs-remote-page-ui');
    settings = SettingsStore.open(dir);
    settings.set('remote.port', closedPort());
    access = new RemoteAccess({
      settings,
      source: emptySource,
      commands: noCommands,
      keyring: null,
      uploadDir: `${dir}/uploads`,
    });
    access.start();
    window = new Adw.PreferencesWindow({ default_width: 760, default_height: 900 });
    page = new RemoteAccessPage(settings, access, (t) => toasts.push(t));
    window.add(page);
    window.present();
    await pumpEvents(150);
  });

  afterEach(async () => {
    window?.close();
    access?.stop();
    RemoteAccessPage.controls = null;
    removeTree(dir);
    await pumpEvents(50);
  });

  it('turns remote access on only with a password, shows the address to open, and serves it', async () => {
    const on = findAll(rowTitled(page, 'Turn on remote access'), Gtk.Switch)[0];
    on.set_active(true);
    await waitFor(
      () =>
        (rowTitled(page, 'Address to open') as Adw.ActionRow).get_subtitle() ===
        'Set a password for remote access first.',
      'the reason',
    );
    expect(settings.get<boolean>('remote.enabled')).toBeTrue();
    expect(access.status.listening).toBeFalse();
    const entry = rowTitled(page, 'New password (at least 8 characters)') as Adw.PasswordEntryRow;
    entry.set_text('short');
    entry.emit('apply');
    await waitFor(() => toasts.includes('The password needs at least 8 characters.'), 'the refusal');
    entry.set_text('a good long password');
    entry.emit('apply');
    await waitFor(() => access.status.listening, 'the server to listen', 10000);
    const address = (rowTitled(page, 'Address to open') as Adw.ActionRow).get_subtitle();
    expect(address).toBe(`http://127.0.0.1:${settings.get<number>('remote.port')}/`);
    expect((rowTitled(page, 'Password') as Adw.ActionRow).get_subtitle()).toBe(
      'Set (kept as a salted hash in settings.json)',
    );
    const client = new RemoteClient(address!.replace(/\/$/, ''));
    expect((await client.login('a good long password')).status).toBe(200);
    await saveScreenshot(window, 'preferences-remote-access');
  });

  it('warns plainly when it listens on the network without TLS', async () => {
    const warning = () => findAll(page, Gtk.Label).find((l) => l.get_label().startsWith('Warning: without TLS'));
    expect(warning()?.get_visible() ?? false).toBeFalse();
    const where = rowTitled(page, 'Listen on') as Adw.ComboRow;
    where.set_selected(1);
    await pumpEvents(50);
    expect(settings.get<string>('remote.listen')).toBe('network');
    expect(warning()?.get_visible()).toBeTrue();
    expect(warning()?.get_label()).toContain('cross the network readable by anyone on it');
    settings.set('remote.tls_certificate', '/etc/ssl/certs/some.pem');
    await pumpEvents(50);
    expect(warning()?.get_visible()).toBeFalse();
  });

  it('creates an API token (shown once) and revokes it', async () => {
    const name = rowTitled(page, 'Name of a new token (e.g. the script that uses it)') as Adw.EntryRow;
    name.set_text('nightly backup');
    name.emit('apply');
    await pumpEvents(100);
    expect(access.listTokens().map((t) => t.name)).toEqual(['nightly backup']);
    const dialog = Gtk.Window.list_toplevels().find((w) => w instanceof Adw.MessageDialog) as Adw.MessageDialog;
    expect(dialog.get_body()).toMatch(/dfs_[A-Za-z0-9_-]{43}/);
    dialog.close();
    const row = rowTitled(page, 'nightly backup');
    findAll(row, Gtk.Button)
      .find((b) => b.get_label() === 'Revoke')!
      .emit('clicked');
    await pumpEvents(50);
    expect(access.listTokens()).toEqual([]);
    expect(toasts).toContain('Token “nightly backup” revoked');
  });
});
