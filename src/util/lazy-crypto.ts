// node:crypto, loaded on first use: loading it costs ~4 ms of every start-up, and most runs of
// compile and lint never hash anything.
import { createRequire } from "node:module";
import type * as Crypto from "node:crypto";

let crypto: typeof Crypto | undefined;

export function createHash(algorithm: string): Crypto.Hash {
  crypto ??= createRequire(import.meta.url)("node:crypto") as typeof Crypto;
  return crypto.createHash(algorithm);
}
