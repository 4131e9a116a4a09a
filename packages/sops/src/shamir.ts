/**
 * Combining Shamir shares over GF(2^8), in the layout sops uses (HashiCorp Vault's): each share is the
 * secret's length of y-values followed by one byte, its x-coordinate. The field uses the AES polynomial
 * x^8 + x^4 + x^3 + x + 1 with 3 as generator. `splitSecret` exists for tests and tools that build files.
 */
import { randomBytes } from 'node:crypto';

const EXP = new Uint8Array(510);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    // multiply by the generator 3: x*2 ^ x, reduced by the polynomial
    const doubled = (x << 1) ^ (x & 0x80 ? 0x11b : 0);
    x = (doubled ^ x) & 0xff;
  }
  for (let i = 255; i < 510; i++) EXP[i] = EXP[i - 255]!;
}

function mul(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return EXP[LOG[a]! + LOG[b]!]!;
}

function div(a: number, b: number): number {
  if (b === 0) throw new Error('division by zero in GF(256)');
  if (a === 0) return 0;
  return EXP[(LOG[a]! + 255 - LOG[b]!) % 255]!;
}

/** Recovers the secret from at least threshold shares (Lagrange interpolation at x = 0). */
export function combineShares(shares: readonly Uint8Array[]): Uint8Array {
  if (shares.length < 2) throw new Error('at least two shares are needed to combine a Shamir-split key');
  const length = shares[0]!.length;
  if (length < 2 || shares.some((s) => s.length !== length)) throw new Error('the Shamir shares have different or too short lengths');
  const xs = shares.map((s) => s[length - 1]!);
  if (new Set(xs).size !== xs.length) throw new Error('two Shamir shares have the same x-coordinate');
  const secret = new Uint8Array(length - 1);
  for (let byte = 0; byte < length - 1; byte++) {
    let acc = 0;
    for (let i = 0; i < shares.length; i++) {
      let basis = 1;
      for (let j = 0; j < shares.length; j++) {
        if (i === j) continue;
        basis = mul(basis, div(xs[j]!, xs[i]! ^ xs[j]!));
      }
      acc ^= mul(shares[i]![byte]!, basis);
    }
    secret[byte] = acc;
  }
  return secret;
}

/** Splits a secret into `parts` shares of which any `threshold` recover it (distinct random x-coordinates). */
export function splitSecret(secret: Uint8Array, parts: number, threshold: number): Uint8Array[] {
  if (threshold < 2 || parts < threshold || parts > 255) throw new Error('need 2 <= threshold <= parts <= 255');
  const xs: number[] = [];
  while (xs.length < parts) {
    const x = randomBytes(1)[0]!;
    if (x !== 0 && !xs.includes(x)) xs.push(x);
  }
  const shares = xs.map((x) => {
    const s = new Uint8Array(secret.length + 1);
    s[secret.length] = x;
    return s;
  });
  for (let byte = 0; byte < secret.length; byte++) {
    const coefficients = [secret[byte]!, ...randomBytes(threshold - 1)];
    shares.forEach((share, k) => {
      const x = xs[k]!;
      let y = 0;
      for (let c = coefficients.length - 1; c >= 0; c--) y = mul(y, x) ^ coefficients[c]!;
      share[byte] = y;
    });
  }
  return shares;
}
