// Exact arithmetic used where a band edge or a displayed digit depends on it.
//
// Two kinds of values reach a band edge:
// - values we compute ourselves from integer sums and counts: we keep them as exact fractions
//   (bigint), so 25 * 12999/5000 is exactly 64.995 and rounds to 65.00, where floating point
//   would give 64.99499999999999 and the wrong band;
// - numbers a caller hands us (classifyMutu(64.995)): we round the decimal the number prints as,
//   which is what the person who typed it meant.

/** A non-negative-denominator fraction in lowest terms. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export function fraction(num: bigint, den: bigint = 1n): Fraction {
  if (den === 0n) throw new RangeError("Penyebut pecahan tidak boleh nol");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function compareFractions(a: Fraction, b: Fraction): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Nearest double; deterministic for a given fraction (it is always in lowest terms). */
export function fractionToNumber(f: Fraction): number {
  return Number(f.num) / Number(f.den);
}

/** Round half away from zero to `digits` decimals; returns the value times 10^digits. */
export function roundFractionScaled(f: Fraction, digits: number): bigint {
  const scale = 10n ** BigInt(digits);
  const negative = f.num < 0n;
  const num = (negative ? -f.num : f.num) * scale;
  let q = num / f.den;
  if ((num % f.den) * 2n >= f.den) q += 1n;
  return negative ? -q : q;
}

const DECIMAL_REPR = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * Round the decimal that `value` prints as (JavaScript's shortest round-trip form) half away
 * from zero, to `digits` decimals; returns the value times 10^digits as a bigint.
 * 64.995 -> 6500n (2 digits), although the double nearest 64.995 is slightly below it.
 */
export function roundDecimalScaled(value: number, digits: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`Bukan bilangan hingga: ${value}`);
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(`Jumlah desimal tidak sah: ${digits}`);
  }
  const negative = value < 0;
  const match = DECIMAL_REPR.exec(String(Math.abs(value)));
  if (!match) throw new RangeError(`Bilangan tidak dapat dibaca: ${value}`);
  const intPart = match[1] ?? "0";
  const fracPart = match[2] ?? "";
  const exponent = Number(match[3] ?? "0");
  const mantissa = BigInt(intPart + fracPart);
  // value = mantissa * 10^(exponent - fracPart.length); scaled = value * 10^digits
  const shift = exponent - fracPart.length + digits;
  let scaled: bigint;
  if (shift >= 0) {
    scaled = mantissa * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    scaled = mantissa / divisor;
    if ((mantissa % divisor) * 2n >= divisor) scaled += 1n;
  }
  return negative && scaled !== 0n ? -scaled : scaled;
}

/** `value` rounded half away from zero to `digits` decimals, as a number (for display/storage). */
export function roundHalfUp(value: number, digits = 2): number {
  return Number(roundDecimalScaled(value, digits)) / 10 ** digits;
}

/** Render a scaled integer (value * 10^digits) as a plain decimal string with `separator`. */
export function scaledToString(scaled: bigint, digits: number, separator = "."): string {
  const negative = scaled < 0n;
  const abs = (negative ? -scaled : scaled).toString().padStart(digits + 1, "0");
  const intPart = abs.slice(0, abs.length - digits);
  const fracPart = abs.slice(abs.length - digits);
  return (negative ? "-" : "") + intPart + (digits > 0 ? separator + fracPart : "");
}
