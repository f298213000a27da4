// A problem package uploaded from the browser console: the request's body is the zip itself
// (Content-Type: application/zip), streamed to a file of the core's own temporary folder as it
// arrives, never held in memory or re-encoded. The file is named `<id>.zip` after ?name=, so the
// package read from it has the id it will have in the contest folder.
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { FileError } from '../common/errors.ts';
import { ownedTempDir } from '../common/tempFolders.ts';
import { problemIdFor } from '../contest/problemImport.ts';
import { HttpError } from './auth.ts';

/** Test data can be tens of megabytes; a package larger than this is refused (413) as it arrives. */
const PACKAGE_UPLOAD_LIMIT_BYTES = 256 * 1024 * 1024;
export const PACKAGE_UPLOAD_TYPE = 'application/zip';

/** The uploaded package: the request's parsed body. Its folder is removed once the answer is sent. */
export interface UploadedPackage {
  dir: string;
  path: string;
}

/** Fastify's content-type parser for PACKAGE_UPLOAD_TYPE: the body written to a temporary file. */
export async function receivePackage(request: FastifyRequest, body: Readable): Promise<UploadedPackage> {
  const name = (request.query as { name?: unknown }).name;
  if (typeof name !== 'string' || name === '') throw new HttpError(400, 'name the package: ?name=<file name>.zip');
  let id: string;
  try {
    id = problemIdFor(name);
  } catch (error) {
    if (error instanceof FileError) throw new HttpError(400, error.message);
    throw error;
  }
  if (Number(request.headers['content-length'] ?? 0) > PACKAGE_UPLOAD_LIMIT_BYTES) throw tooLarge();
  const dir = ownedTempDir('upload');
  const path = join(dir, `${id}.zip`);
  let received = 0;
  try {
    await pipeline(
      body,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          received += chunk.length;
          if (received > PACKAGE_UPLOAD_LIMIT_BYTES) throw tooLarge();
          yield chunk;
        }
      },
      createWriteStream(path, { flags: 'wx' }),
    );
  } catch (error) {
    removeUpload({ dir, path });
    throw error;
  }
  return { dir, path };
}

export function removeUpload(upload: UploadedPackage): void {
  rmSync(upload.dir, { recursive: true, force: true });
}

function tooLarge(): HttpError {
  return new HttpError(413, `a problem package may be at most ${PACKAGE_UPLOAD_LIMIT_BYTES / (1024 * 1024)} MiB`);
}
