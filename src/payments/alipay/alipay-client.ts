import { AlipaySdk } from 'alipay-sdk';
import type { AlipayConfig } from '../../config/payments-config.js';

/** The official SDK client for the app: RSA2 with the app's private key (PKCS#8 or PKCS#1 PEM), answers verified with Alipay's public key. */
export function alipayClient(config: AlipayConfig, privateKeyPem: string, alipayPublicKeyPem: string): AlipaySdk {
  return new AlipaySdk({
    appId: config.appId,
    privateKey: privateKeyPem,
    keyType: privateKeyPem.includes('BEGIN PRIVATE KEY') ? 'PKCS8' : 'PKCS1',
    alipayPublicKey: alipayPublicKeyPem,
    gateway: config.gateway,
    signType: 'RSA2',
  });
}
