// signatureKey: a short, stable, non-cryptographic id for a template (FNV-1a, 64-bit, over UTF-8),
// written without node:crypto or BigInt so it runs anywhere and the same text always gives the same key.

const PRIME_LOW = 0x1b3; // FNV-1a 64-bit prime is 2^40 + 0x1b3

/**
 * FNV-1a 64-bit of `text` encoded as UTF-8, as 16 lower-case hex digits. The 64-bit state is kept
 * in four 16-bit limbs so every product stays exact in a double.
 */
export function fnv1a64(text: string): string {
  // offset basis 0xcbf29ce484222325, low limb first
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const step = (byte: number): void => {
    h0 ^= byte;
    // h * (2^40 + 0x1b3) mod 2^64: the 2^40 term shifts limbs 0..1 up by 2 limbs and 8 bits
    // (every term stays below 2^31, so the bit operators are exact)
    const t0 = h0 * PRIME_LOW;
    const t1 = h1 * PRIME_LOW + (t0 >>> 16);
    const t2 = h2 * PRIME_LOW + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * PRIME_LOW + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) step(c);
    else if (c < 0x800) {
      step(0xc0 | (c >> 6));
      step(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      // a lone surrogate is encoded as its code unit (WTF-8), so every string has a key
      step(0xe0 | (c >> 12));
      step(0x80 | ((c >> 6) & 0x3f));
      step(0x80 | (c & 0x3f));
    } else {
      step(0xf0 | (c >> 18));
      step(0x80 | ((c >> 12) & 0x3f));
      step(0x80 | ((c >> 6) & 0x3f));
      step(0x80 | (c & 0x3f));
    }
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, "0");
}

/** Stable 16-hex-digit key of a template (FNV-1a 64 of its UTF-8 bytes). */
export function signatureKey(template: string): string {
  return fnv1a64(template);
}
