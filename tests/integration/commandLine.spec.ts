import { appArgv, runProcess } from '../support/process.ts';

describe('command line', () => {
  it('prints the version with --version, without a display', async () => {
    const r = await runProcess(appArgv('--version'), { env: { DISPLAY: '', WAYLAND_DISPLAY: '' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^D' Fake Seeder \d+\.\d+\.\d+/);
  });

  it('describes its options with --help, without a display', async () => {
    const r = await runProcess(appArgv('--help'), { env: { DISPLAY: '', WAYLAND_DISPLAY: '' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--headless');
    expect(r.stdout).toContain('--version');
    expect(r.stdout).toContain('FILE.torrent');
  });

  it('rejects an unknown option with a message and a non-zero exit code', async () => {
    const r = await runProcess(appArgv('--no-such-option'));
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('no-such-option');
  });
});
