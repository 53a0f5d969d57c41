import { z } from 'zod';

/**
 * Payment channel settings (LENDCORE_PAYMENTS_*, LENDCORE_ALIPAY_*, LENDCORE_WECHAT_*). A provider
 * is enabled only when every one of its variables is set; key material is read from files (PEM)
 * when the channels open, so no key ever sits in the environment or in a log line.
 */
export interface PaymentsConfig {
  /** The local simulated gateway (on by default, so the flow runs with no provider account); turn it off in production. */
  sandbox: boolean;
  /** How long a payment intent stays payable. */
  intentTtlMinutes: number;
  /** The public base URL providers call back (`<publicUrl>/v1/payments/notify/<channel>`) and the sandbox page links to. */
  publicUrl: string;
  alipay: AlipayConfig | null;
  wechat: WechatConfig | null;
}

export interface AlipayConfig {
  appId: string;
  /** PEM file of the app's RSA private key (RSA2 signing of requests). */
  privateKeyFile: string;
  /** PEM file of Alipay's public key (verifies RSA2 notifications). */
  alipayPublicKeyFile: string;
  gateway: string;
}

export interface WechatConfig {
  mchId: string;
  appId: string;
  /** Serial number of the merchant API certificate, named in the Authorization header. */
  merchantSerialNo: string;
  /** PEM file of the merchant API private key (signs requests). */
  privateKeyFile: string;
  /** PEM file of the WeChat Pay platform certificate or public key (verifies Wechatpay-Signature). */
  platformPublicKeyFile: string;
  /**
   * The Wechatpay-Serial that names the platform key to WeChat when a request carries a field
   * encrypted with it: the WeChat Pay public key id (PUB_KEY_ID_…); null takes the certificate's
   * serial when the platform file is a certificate.
   */
  platformSerial: string | null;
  /** The APIv3 key: 32 characters, the AES-256-GCM key of notification resources. */
  apiV3Key: string;
  apiBase: string;
  /** Refund payouts (商家转账): the transfer scene the merchant was granted, and the scene's report items; null leaves WeChat payouts off. */
  transfer: { sceneId: string; reportInfos: { info_type: string; info_content: string }[] } | null;
}

const text = z.string().min(1);

export const paymentsEnvSchema = {
  /** Unset: on in development only (see paymentsConfig). */
  LENDCORE_PAYMENTS_SANDBOX: z.enum(['on', 'off'], 'expected on or off').optional(),
  LENDCORE_PAYMENT_INTENT_TTL_MINUTES: z.string().regex(/^[1-9]\d{0,4}$/, 'expected minutes, 1 to 99999').transform(Number).default(30),
  LENDCORE_PUBLIC_URL: z.url('expected an http(s) URL such as https://pay.example.com').optional(),
  LENDCORE_ALIPAY_APP_ID: text.optional(),
  LENDCORE_ALIPAY_PRIVATE_KEY_FILE: text.optional(),
  LENDCORE_ALIPAY_PUBLIC_KEY_FILE: text.optional(),
  LENDCORE_ALIPAY_GATEWAY: z.url('expected the gateway URL').default('https://openapi.alipay.com/gateway.do'),
  LENDCORE_WECHAT_MCH_ID: text.optional(),
  LENDCORE_WECHAT_APP_ID: text.optional(),
  LENDCORE_WECHAT_SERIAL_NO: text.optional(),
  LENDCORE_WECHAT_PRIVATE_KEY_FILE: text.optional(),
  LENDCORE_WECHAT_PLATFORM_KEY_FILE: text.optional(),
  LENDCORE_WECHAT_PLATFORM_SERIAL: z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'expected the WeChat Pay public key id (PUB_KEY_ID_…) or platform certificate serial').optional(),
  LENDCORE_WECHAT_APIV3_KEY: z.string().length(32, 'expected the 32-character APIv3 key').optional(),
  LENDCORE_WECHAT_API_BASE: z.url('expected the API base URL').default('https://api.mch.weixin.qq.com'),
  LENDCORE_WECHAT_TRANSFER_SCENE_ID: z.string().regex(/^\d{1,16}$/, 'expected the numeric transfer scene id').optional(),
  LENDCORE_WECHAT_TRANSFER_REPORT_INFOS: z
    .string()
    .transform((text, ctx) => {
      try {
        return transferReportInfos.parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'expected a JSON array of {"info_type","info_content"}' });
        return z.NEVER;
      }
    })
    .optional(),
};

const transferReportInfos = z.array(z.object({ info_type: z.string().min(1), info_content: z.string().min(1) }).strict());

type PaymentsEnv = z.infer<z.ZodObject<typeof paymentsEnvSchema>>;

/** Secrets never echoed in a configuration error. */
export const PAYMENT_SECRET_VARIABLES = ['LENDCORE_WECHAT_APIV3_KEY'];

/** The payments part of the config; `defaultPublicUrl` is the API's own address. */
export function paymentsConfig(e: PaymentsEnv, defaultPublicUrl: string, environment: 'production' | 'development'): PaymentsConfig {
  const alipay = e.LENDCORE_ALIPAY_APP_ID && e.LENDCORE_ALIPAY_PRIVATE_KEY_FILE && e.LENDCORE_ALIPAY_PUBLIC_KEY_FILE
    ? { appId: e.LENDCORE_ALIPAY_APP_ID, privateKeyFile: e.LENDCORE_ALIPAY_PRIVATE_KEY_FILE, alipayPublicKeyFile: e.LENDCORE_ALIPAY_PUBLIC_KEY_FILE, gateway: e.LENDCORE_ALIPAY_GATEWAY }
    : null;
  const wechat = e.LENDCORE_WECHAT_MCH_ID && e.LENDCORE_WECHAT_APP_ID && e.LENDCORE_WECHAT_SERIAL_NO && e.LENDCORE_WECHAT_PRIVATE_KEY_FILE
    && e.LENDCORE_WECHAT_PLATFORM_KEY_FILE && e.LENDCORE_WECHAT_APIV3_KEY
    ? {
      mchId: e.LENDCORE_WECHAT_MCH_ID, appId: e.LENDCORE_WECHAT_APP_ID, merchantSerialNo: e.LENDCORE_WECHAT_SERIAL_NO,
      privateKeyFile: e.LENDCORE_WECHAT_PRIVATE_KEY_FILE, platformPublicKeyFile: e.LENDCORE_WECHAT_PLATFORM_KEY_FILE, platformSerial: e.LENDCORE_WECHAT_PLATFORM_SERIAL ?? null,
      apiV3Key: e.LENDCORE_WECHAT_APIV3_KEY, apiBase: e.LENDCORE_WECHAT_API_BASE,
      transfer: e.LENDCORE_WECHAT_TRANSFER_SCENE_ID ? { sceneId: e.LENDCORE_WECHAT_TRANSFER_SCENE_ID, reportInfos: e.LENDCORE_WECHAT_TRANSFER_REPORT_INFOS ?? [] } : null,
    }
    : null;
  return {
    // Anyone who reaches the sandbox's page can "pay": never on in production unless asked for (QA 9 Q11).
    sandbox: (e.LENDCORE_PAYMENTS_SANDBOX ?? (environment === 'development' ? 'on' : 'off')) === 'on',
    intentTtlMinutes: e.LENDCORE_PAYMENT_INTENT_TTL_MINUTES,
    publicUrl: (e.LENDCORE_PUBLIC_URL ?? defaultPublicUrl).replace(/\/+$/, ''),
    alipay,
    wechat,
  };
}
