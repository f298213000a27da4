// `window.verdictJudge`: the judges' API the Electron preload exposes to the console (absent in a browser).
import type { JudgeBridge } from '../../src-main/shared/judgeApi.ts';

declare global {
  interface Window {
    readonly verdictJudge?: JudgeBridge;
  }
}
