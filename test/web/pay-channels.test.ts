import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../web/src/api/problem.js';
import { en } from '../../web/src/i18n/en-US.js';
import { zh } from '../../web/src/i18n/zh-CN.js';
import { offeredChannels, unconfiguredAfter } from '../../web/src/payments/pay-channels.js';

// QA W9: the portal offered 支付宝/微信支付 though the server had neither; paying ended in 422 CHANNEL_NOT_CONFIGURED, every time.
describe('the borrower\'s pay channels', () => {
  const notConfigured = new ApiProblem(422, 'CHANNEL_NOT_CONFIGURED', 'channel alipay is not configured on this server');

  it('drop a channel the server refused as not configured', () => {
    const after = unconfiguredAfter([], 'alipay', notConfigured);
    expect(offeredChannels(after)).toEqual(['sandbox', 'wechat']);
    expect(offeredChannels(unconfiguredAfter(after, 'wechat', notConfigured))).toEqual(['sandbox']);
    expect(unconfiguredAfter(after, 'alipay', notConfigured)).toEqual(['alipay']);
  });

  it('keep a channel refused for anything else', () => {
    expect(offeredChannels(unconfiguredAfter([], 'alipay', new ApiProblem(422, 'AMOUNT_EXCEEDS_PAYOFF', 'x')))).toEqual(['sandbox', 'alipay', 'wechat']);
    expect(offeredChannels(unconfiguredAfter([], 'alipay', new Error('network')))).toEqual(['sandbox', 'alipay', 'wechat']);
  });

  it('word the refusal and the case of none left in both languages', () => {
    for (const catalog of [zh, en] as Record<string, string>[]) {
      expect(catalog['pay.channelUnavailable']).toContain('{channels}');
      expect(catalog['pay.noChannel']).toBeTruthy();
    }
  });
});
