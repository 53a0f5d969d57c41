/**
 * Masks for showing PII to people who need to recognise it, not read it. Each keeps just enough
 * for a borrower or officer to tell which record it is.
 */

/** 张三丰 → 张**; John Doe → J*** D**: the first character of each word. */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => {
      const chars = [...word];
      return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
    })
    .join(' ');
}

/** Keeps the first 3 and last 4 characters: 110105199001011234 → 110***********1234. */
export function maskNationalId(id: string): string {
  const chars = [...id];
  if (chars.length <= 7) return '*'.repeat(chars.length);
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('');
}

/** 13812341234 → 138****1234: carrier prefix and last four digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.length <= 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/** john@x.com → j***@x.com: the domain stays, the mailbox keeps its first character. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${[...email][0]}***${email.slice(at)}`;
}

/** 6222020200112345678 → ****5678: only the last four digits. */
export function maskAccount(account: string): string {
  const digits = account.replace(/\s+/g, '');
  // An account of four characters or fewer would be shown whole.
  return digits.length <= 4 ? '****' : `****${digits.slice(-4)}`;
}
