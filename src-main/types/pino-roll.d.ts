// pino-roll ships no types: the part of its API Verdict uses.
declare module 'pino-roll' {
  import type { SonicBoom } from 'sonic-boom';
  interface RollOptions {
    file: string;
    /** '10m', '1g', or a number of MB. */
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    mkdir?: boolean;
    limit?: { count?: number };
    /** Create the file with this mode. */
    mode?: number;
  }
  export default function build(options: RollOptions): Promise<SonicBoom>;
}
