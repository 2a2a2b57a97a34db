// Math.exp / Math.log / Math.pow are "implementation-approximated" in ECMAScript, so two engines
// may disagree in the last bit. The rules use these instead: only + - * / (exactly rounded in
// IEEE 754), so every engine computes the same bits and a replay in the browser matches the server.

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700;
const LN2 = 0.6931471805599453;

/** 2^k for an integer k, built by exact multiplications by 2 or 0.5. */
function pow2(k: number): number {
  let result = 1;
  let base = k >= 0 ? 2 : 0.5;
  let n = Math.abs(k);
  while (n > 0) {
    if (n & 1) result *= base;
    base *= base;
    n >>>= 1;
  }
  return result;
}

export function detExp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === 0) return 1;
  if (x > 709.78) return Infinity;
  if (x < -745.13) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  // Taylor series on |r| <= 0.35: 18 terms leave an error far below one ulp.
  let term = 1;
  let sum = 1;
  for (let i = 1; i <= 18; i++) {
    term = (term * r) / i;
    sum += term;
  }
  // Split the scaling so neither factor overflows or underflows early.
  const half = Math.trunc(k / 2);
  return sum * pow2(half) * pow2(k - half);
}

export function detLn(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let m = x;
  let e = 0;
  while (m > 1.4142135623730951) {
    m *= 0.5;
    e++;
  }
  while (m < 0.7071067811865476) {
    m *= 2;
    e--;
  }
  // ln(m) = 2·atanh(s) with s = (m−1)/(m+1), |s| <= 0.172.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let power = s;
  let sum = 0;
  for (let i = 1; i <= 29; i += 2) {
    sum += power / i;
    power *= s2;
  }
  return e * LN2_HI + (e * LN2_LO + 2 * sum);
}

/** base^exponent for base > 0. */
export function detPow(base: number, exponent: number): number {
  if (base === 1 || exponent === 0) return 1;
  if (base <= 0) return base === 0 && exponent > 0 ? 0 : NaN;
  return detExp(exponent * detLn(base));
}

export function detLog2(x: number): number {
  return detLn(x) / LN2;
}

/** 1 − e^(−x): the saturating growth curve every research formula in GAME.md uses. */
export function saturate(x: number): number {
  return 1 - detExp(-x);
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** √x by Newton's method from a power-of-two first guess: the same bits in every engine. */
export function detSqrt(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0 || x === Infinity) return x;
  let m = x;
  let e = 0;
  while (m >= 4) {
    m *= 0.25;
    e++;
  }
  while (m < 1) {
    m *= 4;
    e--;
  }
  // m in [1, 4): √m in [1, 2). Six Newton steps from a linear guess reach full precision.
  let y = 0.5 + m * 0.375 - (m * m) / 48;
  for (let i = 0; i < 6; i++) y = 0.5 * (y + m / y);
  return y * pow2(e);
}
