// A console request the console refuses, with a message for the judge. Its transports map the code:
// server/httpServer.ts to an HTTP status, app/ipc.ts to the error the renderer's invoke rejects with.
export type ConsoleErrorCode = 'not_found' | 'invalid' | 'conflict';

export class ConsoleError extends Error {
  readonly code: ConsoleErrorCode;
  constructor(code: ConsoleErrorCode, message: string) {
    super(message);
    this.name = 'ConsoleError';
    this.code = code;
  }
}
