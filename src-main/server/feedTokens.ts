// Event-feed tokens as teams see them: opaque. Every change of the contest takes the next global
// token, so plain tokens would let a team count the events it cannot see (a judging during the
// freeze adds 3 + tests-run events, and "all tests ran" means AC). Judges get the plain tokens.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-128 over one block: the token (8 bytes) and a fixed tag (8 bytes) that says it is genuine. */
const KEY_BYTES = 16;
const BLOCK_BYTES = 16;
const TAG = Buffer.from('verdict.', 'latin1');

export class FeedTokens {
  /** New for each server: a team's token from before a restart is refused (400), and it reads the feed anew. */
  private readonly key = randomBytes(KEY_BYTES);

  /** One cipher for every token: ECB encrypts each block on its own, so it is never finished, only fed. */
  private readonly cipher = createCipheriv('aes-128-ecb', this.key, null).setAutoPadding(false);

  /** The opaque form of a global token. */
  hide(token: string): string {
    return this.hideAll([token])[0];
  }

  /** The opaque forms of many tokens (a page of the feed), in one call to the cipher. */
  hideAll(tokens: readonly string[]): string[] {
    const blocks = Buffer.alloc(BLOCK_BYTES * tokens.length);
    tokens.forEach((token, i) => {
      blocks.writeBigUInt64BE(BigInt(token), i * BLOCK_BYTES);
      TAG.copy(blocks, i * BLOCK_BYTES + 8);
    });
    const sealed = this.cipher.update(blocks);
    return tokens.map((_, i) => sealed.toString('base64url', i * BLOCK_BYTES, (i + 1) * BLOCK_BYTES));
  }

  /** The global token an opaque one stands for, or null when it is not one this server gave out. */
  reveal(opaque: string): string | null {
    if (!/^[A-Za-z0-9_-]{22}$/.test(opaque)) return null;
    const decipher = createDecipheriv('aes-128-ecb', this.key, null).setAutoPadding(false);
    const block = Buffer.concat([decipher.update(Buffer.from(opaque, 'base64url')), decipher.final()]);
    if (!block.subarray(8).equals(TAG)) return null;
    return block.readBigUInt64BE().toString();
  }
}
