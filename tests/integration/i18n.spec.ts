import GLib from 'gi://GLib';

import { runProcess } from '../support/process.ts';
import { makeTempDir, projectRoot, readText, removeTree, writeFile } from '../support/tempdir.ts';

/** The languages of the original (English is the source), as po/LINGUAS lists them. */
const LANGUAGES = 'ar bn de es fa fr ga hi id it ja ko nl pl pt ru sv tr vi zh_CN'.split(' ');

function linguas(): string[] {
  return readText(`${projectRoot()}/po/LINGUAS`)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Strings marked translatable="yes" in a .ui file (element text, XML entities decoded). */
function translatableIn(uiPath: string): string[] {
  const xml = readText(uiPath);
  return [...xml.matchAll(/translatable="yes"[^>]*>([^<]+)</g)].map((m) =>
    m[1]
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

/** The msgids of a .pot (continuation lines joined, escapes undone). */
function msgids(pot: string): Set<string> {
  const ids = new Set<string>();
  let current: string | null = null;
  const unquote = (q: string) => JSON.parse(q) as string;
  for (const line of pot.split('\n')) {
    if (line.startsWith('msgid "')) {
      current = unquote(line.slice('msgid '.length));
    } else if (current !== null && line.startsWith('"')) {
      current += unquote(line);
    } else {
      if (current) ids.add(current);
      current = null;
    }
  }
  return ids;
}

describe('translations', () => {
  let dir: string;

  beforeAll(() => {
    dir = makeTempDir('dfs-i18n');
  });

  afterAll(() => removeTree(dir));

  it('extracts the strings of the .ts sources, the .ui files, the desktop file and the metainfo', async () => {
    // Work on a copy: the spec must not rewrite the tree's po/ folder.
    const root = projectRoot();
    const copy = await runProcess(['cp', '-r', `${root}/src`, `${root}/data`, `${root}/po`, dir]);
    expect(copy.status).toBe(0);
    const r = await runProcess(['bash', `${dir}/po/update-pot.sh`, '--pot-only']);
    expect(r.status).toBe(0);
    const pot = readText(`${dir}/po/dfakeseeder.pot`);
    const ids = msgids(pot);
    // From TypeScript (xgettext would read .ts as C and miss strings without -L JavaScript).
    expect(ids).toContain('Show the version and exit');
    expect(ids).toContain('%1$s is still seeding');
    expect(pot).toMatch(/#: src\/view\/\S+\.ts/);
    // From every .ui file.
    const uiFiles = readText(`${dir}/po/POTFILES`)
      .split('\n')
      .filter((l) => l.endsWith('.ui'));
    expect(uiFiles.length).toBeGreaterThan(0);
    for (const ui of uiFiles) {
      for (const s of translatableIn(`${dir}/${ui}`)) expect(ids).withContext(ui).toContain(s);
    }
    // From the desktop file and the metainfo.
    expect(ids).toContain('Announce torrents to their trackers as a seeding client');
    expect(ids).toContain('Tracker Test Client');
    expect(pot).toMatch(/#: data\/ie\.fio\.dfakeseeder\.metainfo\.xml\.in/);
  });

  it('has a .po for each of the original’s languages, and every one compiles with msgfmt --check', async () => {
    expect(linguas().sort()).toEqual([...LANGUAGES].sort());
    for (const lang of linguas()) {
      const po = `${projectRoot()}/po/${lang}.po`;
      expect(GLib.file_test(po, GLib.FileTest.EXISTS)).withContext(po).toBeTrue();
      const r = await runProcess(['msgfmt', '--check', '-o', `${dir}/${lang}.mo`, po]);
      expect(r.status).withContext(`${lang}: ${r.stderr}`).toBe(0);
    }
  });

  const window = async (env: Record<string, string>) => {
    const out = GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0]); // the bundle's folder
    const r = await runProcess(['gjs', '-m', `${out}/test-bin/i18n-window.js`, `${out}/locale`], {
      env: { LANG: 'C.UTF-8', LC_ALL: '', LANGUAGE: '', XDG_CONFIG_HOME: `${dir}/config`, ...env },
    });
    if (r.status !== 0) throw new Error(`i18n-window failed (${r.status}): ${r.stderr}`);
    return JSON.parse(r.stdout) as { applied: string | null; menu: string[]; emptyTitle: string };
  };

  it('shows German labels under LANGUAGE=de', async () => {
    const de = await window({ LANGUAGE: 'de' });
    expect(de.emptyTitle).toBe('Keine Torrents');
    expect(de.menu).toEqual(
      jasmine.arrayContaining([
        '_Einstellungen',
        '_Tastenkürzel',
        "_Info zu D' Fake Seeder",
        '_Beenden',
        'Torrents _hinzufügen…',
      ]),
    );
    const en = await window({});
    expect(en.emptyTitle).toBe('No Torrents');
    expect(en.menu).toContain('_Preferences');
  }, 60_000); // two window processes: about 2 s each here, far more on a loaded machine

  it('applies the Language preference from settings.json at start', async () => {
    writeFile(`${dir}/config/dfakeseeder/settings.json`, JSON.stringify({ language: 'de' }));
    const de = await window({});
    expect(de.applied).toBe('de');
    expect(de.emptyTitle).toBe('Keine Torrents');
    // A bare "C" locale (a terminal or service without one) still gets the chosen language.
    const bare = await window({ LANG: 'C' });
    expect(bare.emptyTitle).toBe('Keine Torrents');
    expect(bare.menu).toContain('_Einstellungen');
    writeFile(`${dir}/config/dfakeseeder/settings.json`, JSON.stringify({ language: 'auto' }));
    const auto = await window({});
    expect(auto.applied).toBeNull();
    expect(auto.emptyTitle).toBe('No Torrents');
  }, 90_000); // three window processes
});
