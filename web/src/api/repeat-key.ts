/**
 * How long a second identical command counts as a repeat of the first: a double-click, or a second
 * press while the first answer is on its way or has just come back.
 */
export const REPEAT_WINDOW_MS = 10_000;

const recent = new Map<string, { key: string; at: number }>();

/**
 * The Idempotency-Key of a command the user means once: the same body sent to the same path again
 * within REPEAT_WINDOW_MS carries the first one's key, so the server records it once and answers the
 * repeat with the first result (README "Commands": a key's repeat with the same body answers 200 with
 * the first result). Before, a double-click on 减免 waived 10.00 twice and one on 提交申请 opened two
 * applications (stop 37's console test). `now` and `newKey` are for tests.
 */
export function repeatKey(path: string, body: string, now: number = Date.now(), newKey: () => string = randomKey): string {
  for (const [sent, entry] of recent) if (now - entry.at > REPEAT_WINDOW_MS) recent.delete(sent);
  const sent = `${path}\n${body}`;
  const seen = recent.get(sent);
  if (seen !== undefined) return seen.key;
  const key = newKey();
  recent.set(sent, { key, at: now });
  return key;
}

/** 128 random bits as hex: `crypto.getRandomValues` works on a console served over plain http too, where `randomUUID` is absent. */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
