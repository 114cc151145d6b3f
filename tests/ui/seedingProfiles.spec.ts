import type Adw from 'gi://Adw';
import type Gtk from 'gi://Gtk?version=4.0';

import { BUILT_IN_PROFILES, PROFILE_FIELDS } from '../../src/model/session/seedingProfiles.ts';
import type { Torrent } from '../../src/model/torrent/Torrent.ts';
import type { ProfilesPage } from '../../src/view/ProfilesPage.ts';
import type { TorrentOptions } from '../../src/view/TorrentSource.ts';
import { pumpEvents, saveScreenshot } from '../support/gtk.ts';
import { answer, initUi, openWindow, type UiFixture, useUiTimeout } from './support/fixture.ts';

const TITLES: Record<string, string> = {
  upload_speed: 'Upload speed',
  download_speed: 'Download speed',
  upload_limit: 'Upload limit',
  download_limit: 'Download limit',
  announce_floor: 'Announce interval floor',
  stop_ratio: 'Stop at ratio',
  stop_seeding_minutes: 'Stop after seeding',
};

const profileOf = (f: UiFixture, t: Torrent) => {
  const o = f.model.options(t);
  return Object.fromEntries(PROFILE_FIELDS.map((k) => [k, o[k]]));
};

describe('seeding profiles in Preferences and the Options tab', () => {
  useUiTimeout(60_000);
  let f: UiFixture;
  let a: Torrent;
  let b: Torrent;

  beforeAll(() => {
    if (!initUi()) pending('no display');
  });

  beforeEach(async () => {
    f = await openWindow();
    a = f.model.addFixture({ name: 'debian-12.iso' });
    b = f.model.addFixture({ name: 'fedora-40.iso' });
    f.model.setOption([a], 'upload_speed', 333);
    f.model.setOption([b], 'stop_ratio', 1);
    await pumpEvents(50);
  });

  afterEach(async () => {
    f.window.preferences?.close();
    await f?.dispose();
  });

  function profilesPage(): ProfilesPage {
    f.window.showPreferences();
    const prefs = f.window.preferences!;
    const pages = prefs.get_visible_page()!.get_parent()!;
    for (let p = pages.get_first_child(); p; p = p.get_next_sibling())
      if ((p as Adw.PreferencesPage).get_name() === 'profiles') {
        prefs.set_visible_page(p as Adw.PreferencesPage);
        return p as ProfilesPage;
      }
    throw new Error('no Profiles page');
  }

  it('Preferences: the chosen profile is a setting, shown with its values', async () => {
    const page = profilesPage();
    await pumpEvents(100);
    const row = page.controls.get('seeding_profile.name') as Adw.ComboRow;
    expect(row.get_selected()).toBe(3); // Custom, the default
    row.set_selected(0);
    expect(f.settings.get('seeding_profile.name')).toBe('conservative');
    await pumpEvents(50);
    const shown = page.shownValues();
    expect(shown.announce_floor).toBe('1 h 00 min');
    expect(shown.stop_ratio).toBe('1.00');
    expect(shown.upload_limit).not.toBe('Unlimited');
    row.set_selected(2);
    await pumpEvents(50);
    expect(page.shownValues().upload_limit).toBe('Unlimited');
    // Custom's values are settings of their own.
    (page.controls.get('seeding_profile.custom.announce_floor') as Gtk.SpinButton).set_value(1200);
    expect(f.settings.get('seeding_profile.custom.announce_floor')).toBe(1200);
  });

  it('Preferences: Apply previews every change, torrent × field, and applies exactly those', async () => {
    const page = profilesPage();
    (page.controls.get('seeding_profile.name') as Adw.ComboRow).set_selected(0);
    await pumpEvents(100);
    const before = new Map<Torrent, TorrentOptions>([a, b].map((t) => [t, f.model.options(t)]));
    const expected = f.model.profilePreview('conservative', [a, b]);
    const dialog = page.previewApply();
    await pumpEvents(200);
    expect(dialog.get_heading()).toBe('Apply the Conservative Profile?');
    expect(dialog.get_body()).toBe(`${expected.length} changes on 2 torrents:`);
    expect(dialog.lines).toContain('debian-12.iso — Upload speed: 333.0 KB/s → 20.0 KB/s');
    // b already stops at ratio 1: not listed.
    expect(dialog.lines.some((l) => l.startsWith('fedora-40.iso — Stop at ratio'))).toBeFalse();
    expect(dialog.lines.length).toBe(expected.length);
    await saveScreenshot(dialog, 'profile-preview');
    // Nothing changes before the user says so.
    for (const [t, o] of before) expect(f.model.options(t)).toEqual(o);
    answer(dialog, 'apply');
    await pumpEvents(50);
    for (const [t, old] of before)
      for (const key of Object.keys(old) as (keyof TorrentOptions)[]) {
        const change = expected.find((c) => c.infoHash === t.info_hash && c.field === key);
        expect(f.model.options(t)[key])
          .withContext(`${t.name}.${key}`)
          .toBe(change ? change.to : old[key]);
      }
    expect(profileOf(f, a)).toEqual(BUILT_IN_PROFILES.conservative);
    const again = page.previewApply();
    await pumpEvents(100);
    expect(again.get_body()).toContain('Nothing would change');
    expect(again.get_response_enabled('apply')).toBeFalse();
    answer(again, 'cancel');
  });

  it('Options tab: choosing a profile previews it for this torrent; Cancel changes nothing, Apply applies', async () => {
    f.window.list!.selectTorrents([a]);
    const details = f.window.details!;
    details.tabs.set_visible_child_name('options');
    await pumpEvents(100);
    const chooser = details.options.profile;
    expect(chooser.row.get_selected()).toBe(0); // set by hand
    const before = f.model.options(a);
    const otherBefore = f.model.options(b);
    chooser.row.set_selected(3); // Aggressive
    await pumpEvents(100);
    const dialog = chooser.preview!;
    expect(dialog).not.toBeNull();
    const expected = f.model.profilePreview('aggressive', [a]);
    expect(dialog.lines.length).toBe(expected.length);
    expected.forEach((c, i) => expect(dialog.lines[i]).toMatch(new RegExp(`^debian-12\\.iso — ${TITLES[c.field]}: `)));
    answer(dialog, 'cancel');
    await pumpEvents(50);
    expect(f.model.options(a)).toEqual(before);
    expect(chooser.row.get_selected()).toBe(0);

    chooser.row.set_selected(2); // Balanced
    await pumpEvents(100);
    answer(chooser.preview!, 'apply');
    await pumpEvents(50);
    expect(profileOf(f, a)).toEqual(BUILT_IN_PROFILES.balanced);
    expect(f.model.seedingProfile(a)).toBe('balanced');
    expect(chooser.row.get_selected()).toBe(2);
    expect(details.options.spins.get('upload_speed')!.get_value()).toBe(50);
    expect(f.model.options(b)).toEqual(otherBefore);
  });
});
