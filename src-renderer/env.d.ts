// Globals the renderer can see. `window.verdict` is set by the Electron preload
// (src-main/app/preload.ts) and is absent when a page is served to a browser.
import type { VerdictBridge } from '../src-main/shared/bridge.ts';

declare global {
  interface Window {
    readonly verdict?: VerdictBridge;
  }
}
