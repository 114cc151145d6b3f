import GLib from 'gi://GLib';

import { runProcess } from '../support/process.ts';
import { makeTempDir, projectRoot, readText, removeTree } from '../support/tempdir.ts';
import { AppProcess, activateAction } from './dbusAppProcess.ts';

const APP_ID = 'ie.fio.dfakeseeder';

describe('meson: build, test and install into a prefix', () => {
  let dir: string;
  let prefix: string;
  let app: AppProcess | null = null;

  beforeAll(() => {
    dir = makeTempDir('dfs-meson');
    prefix = `${dir}/prefix`;
  });

  afterAll(async () => {
    await app?.stop();
    removeTree(dir);
  });

  const exists = (path: string) => GLib.file_test(`${prefix}/${path}`, GLib.FileTest.EXISTS);

  it('sets up, compiles, passes its validation tests and installs', async () => {
    const root = projectRoot();
    const steps = [
      ['meson', 'setup', `${dir}/build`, root, `--prefix=${prefix}`],
      ['meson', 'compile', '-C', `${dir}/build`],
      // The validators only: this spec already runs inside the spec suite, the `specs` test.
      ['meson', 'test', '-C', `${dir}/build`, '--print-errorlogs', '--suite', 'validate'],
      ['meson', 'install', '-C', `${dir}/build`],
    ];
    for (const argv of steps) {
      const r = await runProcess(argv, { timeoutMs: 60000 });
      if (r.status !== 0) fail(`${argv.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
      expect(r.status).toBe(0);
    }
    // `meson test` runs the spec suite too (the `specs` test: tools/test.sh).
    const list = await runProcess(['meson', 'test', '-C', `${dir}/build`, '--list']);
    expect(list.stdout.split('\n').map((l) => l.trim())).toContain('dfakeseeder:specs / specs');
    expect(GLib.file_test(`${prefix}/bin/dfakeseeder`, GLib.FileTest.IS_EXECUTABLE)).toBeTrue();
    expect(readText(`${prefix}/bin/dfakeseeder`)).toContain(`import "file://${prefix}/share/${APP_ID}/main.js"`);
    expect(exists(`share/${APP_ID}/main.js`)).toBeTrue();
    expect(readText(`${prefix}/share/applications/${APP_ID}.desktop`)).toContain('MimeType=application/x-bittorrent;');
    const metainfo = readText(`${prefix}/share/metainfo/${APP_ID}.metainfo.xml`);
    expect(metainfo).toContain('<release ');
    expect(metainfo).toContain('<screenshot ');
    expect(exists(`share/icons/hicolor/scalable/apps/${APP_ID}.svg`)).toBeTrue();
    // The headless app as a systemd user service, starting the installed launcher.
    expect(readText(`${prefix}/lib/systemd/user/${APP_ID}.service`)).toContain(
      `ExecStart=${prefix}/bin/dfakeseeder --headless`,
    );
    expect(exists(`share/icons/hicolor/symbolic/apps/${APP_ID}-symbolic.svg`)).toBeTrue();
    for (const lang of ['de', 'fr', 'zh_CN'])
      expect(exists(`share/locale/${lang}/LC_MESSAGES/${APP_ID}.mo`)).toBeTrue();
  }, 90000);

  it('installs a launcher that runs: --version, then a windowed start that quits over D-Bus', async () => {
    const launcher = `${prefix}/bin/dfakeseeder`;
    const version = await runProcess([launcher, '--version'], { env: { DISPLAY: '', WAYLAND_DISPLAY: '' } });
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^D' Fake Seeder \d+\.\d+\.\d+/);

    // The installed launcher finds the installed translations.
    const help = await runProcess([launcher, '--help'], { env: { LANG: 'C.UTF-8', LANGUAGE: 'de', DISPLAY: '' } });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Version anzeigen und beenden');

    app = new AppProcess([launcher], { XDG_CONFIG_HOME: `${dir}/config` });
    await app.waitForBus();
    await activateAction('quit');
    expect(await app.waitExit(15000)).toBe(0);
  }, 40000);
});

describe('Flatpak manifest', () => {
  const root = projectRoot();

  it('parses with flatpak-builder, builds with meson from source, and asks only for what the app needs', async () => {
    if (!GLib.find_program_in_path('flatpak-builder')) pending('flatpak-builder is not installed');
    const r = await runProcess(['flatpak-builder', '--show-manifest', `${root}/${APP_ID}.json`]);
    expect(r.status).withContext(r.stderr).toBe(0);
    const manifest = JSON.parse(r.stdout);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.runtime).toBe('org.gnome.Platform');
    expect(manifest['runtime-version']).toBe('50');
    expect(manifest.command).toBe('dfakeseeder');
    expect([...manifest['finish-args']].sort()).toEqual(
      ['--device=dri', '--share=ipc', '--share=network', '--socket=fallback-x11', '--socket=wayland'].sort(),
    );
    const app = manifest.modules[manifest.modules.length - 1];
    expect(app['build-commands'].join('\n')).toContain('npm ci --offline');
    expect(app['build-commands'].join('\n')).toContain('meson install');
  });

  it('declares every npm package of package-lock.json as an offline source', async () => {
    const r = await runProcess([
      'node',
      `${root}/build-aux/flatpak/npm-offline.mjs`,
      'sources',
      `${root}/package-lock.json`,
    ]);
    expect(r.status).withContext(r.stderr).toBe(0);
    const fresh = JSON.parse(r.stdout) as { url: string; sha512: string; dest: string }[];
    const committed = JSON.parse(readText(`${root}/build-aux/flatpak/npm-sources.json`));
    // Out of date after a dependency change: run the command above into npm-sources.json.
    expect(committed).toEqual(fresh);
    expect(fresh.length).toBeGreaterThan(10);
    for (const s of fresh) {
      expect(s.url).toMatch(/^https:\/\/registry\.npmjs\.org\/.+\.tgz$/);
      expect(s.sha512).toMatch(/^[0-9a-f]{128}$/);
      expect(s.dest).toBe(
        `flatpak-node/npm-cache/_cacache/content-v2/sha512/${s.sha512.slice(0, 2)}/${s.sha512.slice(2, 4)}`,
      );
    }
  });
});
