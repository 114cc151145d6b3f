#!/usr/bin/env node
// Bundles the app (src/main.ts → dist/main.js) or the test suite (tests/**/*.spec.ts → dist/tests.js)
// into one ESM file for GJS 1.74 (SpiderMonkey 102). Also compiles translations into dist/locale
// so that `gjs -m dist/main.js` is translated with no install step.
// First it builds the remote web page (web/src → one browser bundle by esbuild, with Preact), compiles
// it and web/'s static files into a GResource, and embeds that in the app bundle (import
// 'dfs:remote-web-resource'), so the page is served with no file to find at run time.
//
//   node tools/build.mjs [--tests] [--outdir DIR] [--pkgdatadir DIR --localedir DIR]
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const tests = args.includes('--tests');
const outdir = option('--outdir') ?? join(root, 'dist');
const pkgdatadir = option('--pkgdatadir');
const localedir = option('--localedir');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

/** web/ → a staging folder → glib-compile-resources → the GResource's bytes. */
async function buildWebResource() {
  const web = join(root, 'web');
  const stage = mkdtempSync(join(tmpdir(), 'dfs-web-'));
  try {
    await esbuild.build({
      entryPoints: [join(web, 'src/main.ts')],
      bundle: true,
      format: 'esm',
      target: ['chrome100', 'firefox100', 'safari15'],
      platform: 'browser',
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
      outfile: join(stage, 'app.js'),
    });
    for (const f of ['index.html', 'app.css', 'icon.svg']) copyFileSync(join(web, f), join(stage, f));
    const out = join(stage, 'remote.gresource');
    execFileSync('glib-compile-resources', ['--sourcedir', stage, '--target', out, join(web, 'remote.gresource.xml')]);
    return readFileSync(out);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

const webResource = await buildWebResource();

const common = {
  plugins: [
    {
      name: 'remote-web-resource',
      setup(build) {
        build.onResolve({ filter: /^dfs:remote-web-resource$/ }, (a) => ({ path: a.path, namespace: 'dfs-web' }));
        build.onLoad({ filter: /.*/, namespace: 'dfs-web' }, () => ({ contents: webResource, loader: 'binary' }));
      },
    },
  ],
  bundle: true,
  format: 'esm',
  target: 'firefox102',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  external: ['gi://*', 'resource://*', 'file://*', 'gettext', 'system', 'cairo', 'console'],
  loader: { '.ui': 'text', '.css': 'text' },
  logLevel: 'warning',
  legalComments: 'none',
  define: {
    __PKGDATADIR__: pkgdatadir ? JSON.stringify(pkgdatadir) : 'undefined',
    __LOCALEDIR__: localedir ? JSON.stringify(localedir) : 'undefined',
    __VERSION__: JSON.stringify(version),
  },
};

function specFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...specFiles(path));
    else if (entry.name.endsWith('.spec.ts')) out.push(path);
  }
  return out.sort();
}

mkdirSync(outdir, { recursive: true });

// The widget templates and the stylesheet, compiled into one resource bundle next to main.js
// (src/lib/resources.ts registers it before any widget class is defined).
const resourceXml = join(root, 'data', 'ie.fio.dfakeseeder.gresource.xml');
execFileSync('glib-compile-resources', [
  '--sourcedir',
  join(root, 'data'),
  '--target',
  join(outdir, 'ie.fio.dfakeseeder.gresource'),
  resourceXml,
]);

if (tests) {
  // Setup must be imported before the specs: ESM evaluates imports in order, and the specs
  // call describe() at their top level.
  // --only PATH (repeatable) limits the bundle to specs under those paths, for quick iteration.
  const only = args.flatMap((a, i) => (a === '--only' ? [join(root, args[i + 1])] : []));
  const specs = specFiles(join(root, 'tests')).filter((s) => only.length === 0 || only.some((o) => s.startsWith(o)));
  const contents = [
    "import './src/lib/resources.ts';",
    "import './tests/support/jasmine-setup.ts';",
    ...specs.map((s) => `import './${relative(root, s)}';`),
    "import { runJasmine } from './tests/support/run.ts';",
    'runJasmine();',
  ].join('\n');
  await esbuild.build({
    ...common,
    stdin: { contents, resolveDir: root, sourcefile: 'tests-entry.ts', loader: 'ts' },
    outfile: join(outdir, 'tests.js'),
  });
  // Small programs that specs start as child processes (e.g. a settings writer to SIGKILL).
  const binDir = join(root, 'tests/support/bin');
  if (existsSync(binDir)) {
    const bins = readdirSync(binDir).filter((f) => f.endsWith('.ts'));
    for (const bin of bins) {
      await esbuild.build({
        ...common,
        entryPoints: [join(binDir, bin)],
        outfile: join(outdir, 'test-bin', bin.replace(/\.ts$/, '.js')),
      });
    }
  }
} else {
  await esbuild.build({
    ...common,
    entryPoints: [join(root, 'src/main.ts')],
    outfile: join(outdir, 'main.js'),
  });
}

// Compiled translations for uninstalled runs (meson installs its own).
const poDir = join(root, 'po');
if (!localedir && existsSync(join(poDir, 'LINGUAS'))) {
  const langs = readFileSync(join(poDir, 'LINGUAS'), 'utf8')
    .split(/\s+/)
    .filter((l) => l && !l.startsWith('#'));
  for (const lang of langs) {
    const po = join(poDir, `${lang}.po`);
    if (!existsSync(po)) continue;
    const dir = join(outdir, 'locale', lang, 'LC_MESSAGES');
    mkdirSync(dir, { recursive: true });
    try {
      execFileSync('msgfmt', ['-o', join(dir, 'ie.fio.dfakeseeder.mo'), po]);
    } catch (e) {
      console.warn(`msgfmt failed for ${lang}: ${e.message}`);
    }
  }
}
