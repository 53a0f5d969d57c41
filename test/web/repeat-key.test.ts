import { describe, expect, it } from 'vitest';
import { REPEAT_WINDOW_MS, repeatKey } from '../../web/src/api/repeat-key.js';

let n = 0;
const fresh = () => `key-${++n}`;

describe('the console\'s Idempotency-Key for a command (stop 37: a double-click on 减免 waived 10.00 twice)', () => {
  it('is the same for the same body to the same path within the window, so the server records the command once', () => {
    const body = JSON.stringify({ kind: 'interest', amount: '10.00', reason: '双击测试' });
    const first = repeatKey('/v1/loans/L1/waivers', body, 1_000, fresh);
    expect(repeatKey('/v1/loans/L1/waivers', body, 1_150, fresh)).toBe(first);
    expect(repeatKey('/v1/loans/L1/waivers', body, 1_000 + REPEAT_WINDOW_MS, fresh)).toBe(first);
  });

  it('is another for another body, another path, or the same command once the window has passed', () => {
    const body = JSON.stringify({ amount: '10.00' });
    const first = repeatKey('/v1/loans/L2/waivers', body, 50_000, fresh);
    expect(repeatKey('/v1/loans/L2/waivers', JSON.stringify({ amount: '10.01' }), 50_001, fresh)).not.toBe(first);
    expect(repeatKey('/v1/loans/L3/waivers', body, 50_001, fresh)).not.toBe(first);
    expect(repeatKey('/v1/loans/L2/waivers', body, 50_000 + REPEAT_WINDOW_MS + 1, fresh)).not.toBe(first);
  });
});
