/**
 * A loan's bank-transfer repayment reference: "LC", ten Crockford base-32 characters derived from
 * the loan id (FNV-1a 64-bit, top 50 bits), and a Luhn mod 32 check character, e.g. LC7K3M9Q2XWT4.
 * The borrower writes it in the transfer memo; the check character catches any single mistyped
 * character and most swaps of neighbours. Deterministic, so it needs no storage; two loans sharing
 * one (about 1 in 2^50 per pair) are matched as ambiguous, never guessed.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'LC';
const BODY_LENGTH = 10;
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  return hash;
}

/** Luhn mod N over the alphabet: the character that makes the whole code check. */
function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const product = factor * ALPHABET.indexOf(body[i]!);
    sum += Math.floor(product / 32) + (product % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

/** The loan's repayment reference (always the same for the same loan id). */
export function repaymentReferenceOf(loanId: string): string {
  let bits = fnv1a64(loanId) >> 14n;
  let body = '';
  for (let i = 0; i < BODY_LENGTH; i++) {
    body = ALPHABET[Number(bits & 31n)]! + body;
    bits >>= 5n;
  }
  return `${PREFIX}${body}${checkCharacter(body)}`;
}

/** True when `code` is a well-formed reference whose check character matches. */
export function isRepaymentReference(code: string): boolean {
  const upper = code.toUpperCase();
  if (upper.length !== PREFIX.length + BODY_LENGTH + 1 || !upper.startsWith(PREFIX)) return false;
  const body = upper.slice(PREFIX.length, -1);
  if ([...body].some((c) => !ALPHABET.includes(c))) return false;
  return checkCharacter(body) === upper.slice(-1);
}

const CANDIDATE = /LC[0-9A-HJKMNP-TV-Z]{11}/g;

/** The distinct valid references written in a memo (case-insensitive; mistyped ones fail their check and are left out). */
export function referencesInMemo(memo: string): string[] {
  const found = memo.toUpperCase().match(CANDIDATE) ?? [];
  return [...new Set(found.filter(isRepaymentReference))];
}
