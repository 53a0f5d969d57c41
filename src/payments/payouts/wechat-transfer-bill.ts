import { constants, publicEncrypt, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { fromMinorUnitCount } from '../minor-units.js';
import type { PayoutStatusAnswer } from './payout-channel.js';

/**
 * A transfer bill as WeChat Pay shows it (the decrypted MCHTRANSFER.BILL.FINISHED resource, or the
 * answer to a query by out_bill_no), the fields the lender reads. `transfer_amount` is in fen.
 */
export const wechatTransferBill = z.object({
  out_bill_no: z.string(),
  transfer_bill_no: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
  state: z.string(),
  mch_id: z.string(),
  transfer_amount: z.number().int().positive(),
  fail_reason: z.string().optional(),
  update_time: z.string().optional(),
}).loose();
export type WechatTransferBill = z.infer<typeof wechatTransferBill>;

/** ISO instant of a bill's last change, or `fallback` when it has none WeChat could mean. */
export const billTime = (bill: { update_time?: string | undefined }, fallback: Date) =>
  (bill.update_time && !Number.isNaN(Date.parse(bill.update_time)) ? new Date(bill.update_time) : fallback).toISOString();

/**
 * What a bill's state means for the payout: SUCCESS paid under transfer_bill_no; FAIL and
 * CANCELLED ended unpaid; ACCEPTED, PROCESSING, WAIT_USER_CONFIRM, TRANSFERING, CANCELING are in flight.
 */
export function billAnswer(bill: WechatTransferBill, now: Date): PayoutStatusAnswer {
  const at = billTime(bill, now);
  if (bill.state === 'SUCCESS') {
    return { status: 'succeeded', providerState: bill.state, channelReference: bill.transfer_bill_no, amount: fromMinorUnitCount(bill.transfer_amount, 'CNY'), at };
  }
  if (bill.state === 'FAIL' || bill.state === 'CANCELLED') {
    return { status: 'failed', providerState: bill.state, channelReference: bill.transfer_bill_no, reason: `${bill.state} ${bill.fail_reason ?? ''}`.trim(), at };
  }
  return { status: 'pending', providerState: bill.state };
}

/** WeChat Pay requires the payee's real name (user_name) on a transfer of 2 000 CNY or more. */
export const USER_NAME_REQUIRED_FROM_FEN = 200_000;

/**
 * A sensitive field as WeChat Pay v3 takes it: RSAES-OAEP (SHA-1, MGF1 SHA-1) with the platform
 * certificate's (or WeChat Pay public key's) public key, base64; the request then names that key
 * in Wechatpay-Serial.
 */
export function encryptSensitiveField(platformKey: KeyObject, plaintext: string): string {
  return publicEncrypt({ key: platformKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(plaintext, 'utf8')).toString('base64');
}
