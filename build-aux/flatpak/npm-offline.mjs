#!/usr/bin/env node
// Offline npm for the Flatpak build, from package-lock.json alone (flatpak-node-generator is
// neither on npm nor in Debian).
//
//   node build-aux/flatpak/npm-offline.mjs sources [LOCK] > build-aux/flatpak/npm-sources.json
//     One flatpak-builder `file` source per locked package: the registry tarball, checked by the
//     lock's sha512 integrity and placed straight into npm's content-addressed cache
//     (flatpak-node/npm-cache/_cacache/content-v2/sha512/ab/cd/ef…), which is where npm looks a
//     tarball up by its integrity before it would download it.
//   node build-aux/flatpak/npm-offline.mjs resolve-lock [LOCK]
//     Writes the tarball URL into every lock entry (npm leaves `resolved` out of this project's
//     lock). Without it npm would first fetch each package's registry metadata, which an offline
//     build cannot; with it `npm ci --offline --cache flatpak-node/npm-cache` installs from the cache.
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';

const REGISTRY = 'https://registry.npmjs.org/';
// npm's cpu names → Flatpak's architectures. Packages for other systems are left out.
const ARCHES = { x64: 'x86_64', arm64: 'aarch64' };

const [mode, lockPath = 'package-lock.json'] = process.argv.slice(2);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));

function packageName(path, entry) {
  return entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

function tarballUrl(name, version) {
  return `${REGISTRY}${name}/-/${name.split('/').pop()}-${version}.tgz`;
}

function lockedPackages() {
  return Object.entries(lock.packages ?? {}).filter(([path, e]) => path && !e.link && e.version && e.integrity);
}

if (mode === 'sources') {
  const seen = new Set();
  const sources = [];
  for (const [path, entry] of lockedPackages()) {
    if (entry.os && !entry.os.includes('linux')) continue;
    const arches = entry.cpu ? entry.cpu.map((c) => ARCHES[c]).filter(Boolean) : null;
    if (arches && arches.length === 0) continue;
    const sha512 = entry.integrity
      .split(/\s+/)
      .find((i) => i.startsWith('sha512-'))
      ?.slice('sha512-'.length);
    if (!sha512) throw new Error(`${path}: the lock has no sha512 integrity`);
    const hex = Buffer.from(sha512, 'base64').toString('hex');
    if (seen.has(hex)) continue; // the same tarball nested twice
    seen.add(hex);
    const name = packageName(path, entry);
    sources.push({
      type: 'file',
      url: entry.resolved ?? tarballUrl(name, entry.version),
      sha512: hex,
      dest: `flatpak-node/npm-cache/_cacache/content-v2/sha512/${hex.slice(0, 2)}/${hex.slice(2, 4)}`,
      'dest-filename': hex.slice(4),
      ...(arches ? { 'only-arches': arches } : {}),
    });
  }
  process.stdout.write(JSON.stringify(sources, null, 2) + '\n');
} else if (mode === 'resolve-lock') {
  for (const [path, entry] of lockedPackages()) {
    entry.resolved ??= tarballUrl(packageName(path, entry), entry.version);
  }
  writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
} else {
  process.stderr.write('usage: npm-offline.mjs sources|resolve-lock [package-lock.json]\n');
  process.exit(2);
}
