// Ruby's Random (MT19937 seeded with init_by_array from the seed's 32-bit words, least
// significant first) and Random#rand(Integer) (masked retry sampling, Ruby's limited_rand), so that
// fqdn_rand() and stdlib's fqdn_rotate() give the same numbers as Puppet.
import { createHash } from "../../util/lazy-crypto.js";

class MT19937 {
  private readonly mt = new Uint32Array(624);
  private mti = 625;

  constructor(key: readonly number[]) {
    // Ruby seeds with init_genrand when the seed fits one 32-bit word, else init_by_array.
    if (key.length <= 1) {
      this.initGenrand(key[0] ?? 0);
      return;
    }
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    const n = 624;
    for (let k = Math.max(n, key.length); k > 0; k--) {
      const prev = this.mt[i - 1]! ^ (this.mt[i - 1]! >>> 30);
      this.mt[i] = (this.mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j;
      i++;
      j++;
      if (i >= n) {
        this.mt[0] = this.mt[n - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = n - 1; k > 0; k--) {
      const prev = this.mt[i - 1]! ^ (this.mt[i - 1]! >>> 30);
      this.mt[i] = (this.mt[i]! ^ Math.imul(prev, 1566083941)) - i;
      i++;
      if (i >= n) {
        this.mt[0] = this.mt[n - 1]!;
        i = 1;
      }
    }
    this.mt[0] = 0x80000000;
  }

  private initGenrand(s: number): void {
    this.mt[0] = s >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = this.mt[i - 1]! ^ (this.mt[i - 1]! >>> 30);
      this.mt[i] = Math.imul(1812433253, prev) + i;
    }
    this.mti = 624;
  }

  genrandInt32(): number {
    const mag01 = [0, 0x9908b0df];
    if (this.mti >= 624) {
      let kk = 0;
      for (; kk < 624 - 397; kk++) {
        const y = (this.mt[kk]! & 0x80000000) | (this.mt[kk + 1]! & 0x7fffffff);
        this.mt[kk] = this.mt[kk + 397]! ^ (y >>> 1) ^ mag01[y & 1]!;
      }
      for (; kk < 623; kk++) {
        const y = (this.mt[kk]! & 0x80000000) | (this.mt[kk + 1]! & 0x7fffffff);
        this.mt[kk] = this.mt[kk + (397 - 624)]! ^ (y >>> 1) ^ mag01[y & 1]!;
      }
      const y = (this.mt[623]! & 0x80000000) | (this.mt[0]! & 0x7fffffff);
      this.mt[623] = this.mt[396]! ^ (y >>> 1) ^ mag01[y & 1]!;
      this.mti = 0;
    }
    let y = this.mt[this.mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}

/** `Random.new(seed).rand(max)` for a non-negative bigint seed and 0 < max < 2^32. */
export function rubyRandomInt(seed: bigint, max: number): number {
  const key: number[] = [];
  let s = seed < 0n ? -seed : seed;
  while (s > 0n) {
    key.push(Number(s & 0xffffffffn));
    s >>= 32n;
  }
  if (key.length === 0) key.push(0);
  const mt = new MT19937(key);
  const limit = max - 1;
  if (limit <= 0) return 0;
  let mask = limit;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  for (;;) {
    const v = (mt.genrandInt32() & mask) >>> 0;
    if (v <= limit) return v;
  }
}

/** The MD5 of `text` as an unsigned integer (Ruby's `Digest::MD5.hexdigest(text).hex`). */
export function md5Seed(text: string): bigint {
  return BigInt(`0x${createHash("md5").update(text, "utf8").digest("hex")}`);
}
