/**
 * The file the operating system asks the app to open from outside (macOS: Finder's Open and
 * Open With, a file dropped on the Dock icon, Electron's `open-file` event; a second launch's
 * file): kept while the app cannot open it yet (before its window exists, where it becomes the
 * article shown at start), then handed to the opener given to `openWith`. The app shows one
 * article at a time: a file asked for while another is kept replaces it.
 */
export class LaunchFile {
  private kept: string | null = null;
  private open: ((path: string) => void) | null = null;

  /** A file to open (absolute path): opened now when there is an opener, else kept. */
  request(path: string): void {
    if (this.open) this.open(path);
    else this.kept = path;
  }

  /** The file kept so far, taken (it is not handed to the opener later), or null. */
  take(): string | null {
    const path = this.kept;
    this.kept = null;
    return path;
  }

  /** From now on files go to `open`; one kept meanwhile goes at once. */
  openWith(open: (path: string) => void): void {
    this.open = open;
    const path = this.take();
    if (path) open(path);
  }
}
