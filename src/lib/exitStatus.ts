/**
 * The process's exit status beyond what GApplication returns: non-zero when the last save of
 * the settings and torrent state failed (read-only folder, full disk), so a script or a
 * service manager sees that something was lost.
 */
export const EXIT_SAVE_FAILED = 3;

let finalSaveFailed = false;

/** Called by the synchronous save, the last write of the process. */
export function noteFinalSave(ok: boolean): void {
  finalSaveFailed = !ok;
}

/** EXIT_SAVE_FAILED after a failed final save, else 0. */
export function saveExitStatus(): number {
  return finalSaveFailed ? EXIT_SAVE_FAILED : 0;
}
