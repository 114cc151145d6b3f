import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { APP_NAME } from '../../src/lib/config.ts';
import { projectRoot, readText } from '../support/tempdir.ts';

/** Every file under `dir` (relative to the project) whose name ends with one of `endings`. */
function filesUnder(dir: string, endings: string[]): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    const children = Gio.File.new_for_path(path).enumerate_children('standard::name,standard::type', 0, null);
    for (let info = children.next_file(null); info; info = children.next_file(null)) {
      const child = GLib.build_filenamev([path, info.get_name()]);
      if (info.get_file_type() === Gio.FileType.DIRECTORY) walk(child);
      else if (endings.some((e) => child.endsWith(e))) out.push(child);
    }
    children.close(null);
  };
  walk(GLib.build_filenamev([projectRoot(), dir]));
  return out;
}

/**
 * "D' Fake Seeder" in any spelling: apostrophe or none, typographic or straight, spaces or none.
 * "DFakeSeeder" alone is the original Python app's name (its repository), not this app's.
 */
const ANY_SPELLING = /D\s*[’'‘`´]\s*Fake\s*Seeder|D Fake ?Seeder|DFake Seeder/g;

describe("the app's name (issue 18)", () => {
  it('is spelled one way in the desktop file, metainfo, window, About, notifications, D-Bus and README', () => {
    expect(APP_NAME).toBe("D' Fake Seeder");
    const root = projectRoot();
    const files = [
      ...filesUnder('src', ['.ts']),
      ...filesUnder('data', ['.in', '.ui', '.xml']),
      `${root}/README.md`,
      ...filesUnder('docs', ['.md']),
    ];
    expect(files.length).toBeGreaterThan(50);
    const seen = new Map<string, string[]>();
    for (const file of files) {
      for (const m of readText(file).matchAll(ANY_SPELLING)) {
        const where = seen.get(m[0]) ?? [];
        where.push(file.slice(root.length + 1));
        seen.set(m[0], where);
      }
    }
    const spellings = [...seen.keys()];
    expect(spellings)
      .withContext(JSON.stringify(Object.fromEntries(seen)))
      .toEqual([APP_NAME]);
    expect(readText(`${root}/data/ie.fio.dfakeseeder.desktop.in`)).toContain(`\nName=${APP_NAME}\n`);
    expect(readText(`${root}/data/ie.fio.dfakeseeder.metainfo.xml.in`)).toContain(`<name>${APP_NAME}</name>`);
  });
});
