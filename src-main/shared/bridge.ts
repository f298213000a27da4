// What the preload exposes to the renderer as `window.verdict` (Electron only; absent in a browser).

export interface VerdictBridge {
  /** Verdict's version (package.json). */
  readonly version: string;
  /** Node's name for the operating system: 'linux', 'darwin', 'win32'. */
  readonly platform: string;
}
