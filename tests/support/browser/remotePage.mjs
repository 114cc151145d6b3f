#!/usr/bin/env node
// Drives the remote web page in Debian's chromium (headless, through puppeteer-core) for the GJS
// spec tests/integration/remotePage.spec.ts, which starts the app and reads one JSON line per
// step from stdout. Bounded: it gives up after 120 s.
//
//   node tests/support/browser/remotePage.mjs BASE_URL PASSWORD TORRENT_FILE ARTIFACTS_DIR
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import puppeteer from 'puppeteer-core';

const [base, password, torrentFile, artifacts] = process.argv.slice(2);
const report = (step, data = {}) => console.log(JSON.stringify({ step, ...data }));
const deadline = setTimeout(() => {
  report('timeout', { ok: false });
  process.exit(3);
}, 120000);

mkdirSync(artifacts, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  // --no-sandbox only because CI runs as root.
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
});
const shot = async (page, name) => {
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  report('screenshot', { path });
};
try {
  const page = await browser.newPage();
  const consoleErrors = [];
  // Refused requests the steps make on purpose (a wrong password, after logout) are logged by the
  // browser as "Failed to load resource … 401"; anything else (a CSP refusal, an exception) counts.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 401/.test(m.text()))
      consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.setViewport({ width: 1280, height: 800 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await page.goto(base, { waitUntil: 'networkidle0' });

  // Log in (a wrong password first: the page says so).
  await page.waitForSelector('#password');
  await shot(page, 'remote-login-1280-light');
  await page.type('#password', 'not the password');
  await page.click('button[type=submit]');
  await page.waitForSelector('.login .error');
  report('wrong password', { message: await page.$eval('.login .error', (e) => e.textContent) });
  await page.$eval('#password', (e) => (e.value = ''));
  await page.type('#password', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('.row.torrent');
  const names = await page.$$eval('.row.torrent .name', (els) => els.map((e) => e.textContent));
  report('list', { names });

  // Add by upload (the file picker's input).
  const input = await page.$('#file');
  await input.uploadFile(torrentFile);
  const uploadedName = basename(torrentFile).replace(/\.torrent$/, '');
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('.row.torrent .name')].some((e) => e.textContent.startsWith(n)),
    { timeout: 20000 },
    uploadedName,
  );
  const hash = await page.$$eval(
    '.row.torrent',
    (rows, n) => rows.find((r) => r.querySelector('.name').textContent.startsWith(n)).dataset.hash,
    uploadedName,
  );
  report('added', { hash });

  // Its uploaded total grows, pushed by the event stream (no reload, no polling by the page).
  const uploadedOf = () => page.$eval(`.row.torrent[data-hash="${hash}"] .uploaded`, (e) => Number(e.dataset.bytes));
  const first = await uploadedOf();
  await page.waitForFunction(
    (h, v) => Number(document.querySelector(`.row.torrent[data-hash="${h}"] .uploaded`).dataset.bytes) > v,
    { timeout: 30000 },
    hash,
    first,
  );
  report('uploaded grows', { first, then: await uploadedOf() });

  // Details, then pause it.
  await page.click(`.row.torrent[data-hash="${hash}"] .name`);
  await page.waitForSelector('.details .plain li .mono');
  report('details', { tracker: await page.$eval('.details .plain li .mono', (e) => e.textContent) });
  await page.click(`.row.torrent[data-hash="${hash}"] button.pause`);
  await page.waitForFunction(
    (h) => document.querySelector(`.row.torrent[data-hash="${h}"] .status`).textContent === 'Paused',
    { timeout: 20000 },
    hash,
  );
  report('paused', { status: 'Paused' });
  await page.waitForFunction(
    () => document.querySelectorAll('.graph polyline.graph-up')[0].getAttribute('points').split(' ').length > 2,
    { timeout: 20000 },
  );
  await shot(page, 'remote-1280-light');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await shot(page, 'remote-1280-dark');
  // A phone viewport (isMobile) reloads the page: wait until it is live again.
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
  await page.waitForSelector('.dot.on');
  await page.waitForSelector('.row.torrent');
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await shot(page, 'remote-390-light');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await shot(page, 'remote-390-dark');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  report('phone width', { overflow });

  // Log out: back to the form, and the API no longer answers this browser.
  await page.setViewport({ width: 1280, height: 800 });
  await page.click('#logout');
  await page.waitForSelector('#password');
  const after = await page.evaluate(() => fetch('/api/v1/stats').then((r) => r.status));
  report('logged out', { status: after });
  report('console', { errors: consoleErrors });
  report('done', { ok: true });
} catch (e) {
  const pages = await browser.pages();
  const last = pages[pages.length - 1];
  const toast = last ? await last.$eval('.toast', (t) => t.textContent).catch(() => null) : null;
  if (last) await shot(last, 'remote-failure');
  report('failed', { ok: false, error: String(e?.stack ?? e), toast });
  process.exitCode = 1;
} finally {
  clearTimeout(deadline);
  await browser.close();
}
