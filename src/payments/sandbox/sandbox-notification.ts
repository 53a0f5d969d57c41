import { z } from 'zod';

/** The JSON body the sandbox gateway posts to /v1/payments/notify/sandbox. */
export const sandboxNotificationBody = z
  .object({
    intentId: z.string().min(1),
    transactionId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
    amount: z.string().regex(/^(0|[1-9]\d{0,14})(\.\d{1,12})?$/),
    status: z.enum(['SUCCESS', 'FAILED']),
    paidAt: z.iso.datetime(),
    reason: z.string().max(200).nullable(),
  })
  .strict();

export type SandboxNotificationBody = z.infer<typeof sandboxNotificationBody>;
