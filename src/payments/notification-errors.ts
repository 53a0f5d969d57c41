import { DomainError } from '../domain/errors.js';

/** 400: a notification without the signature fields its channel requires. */
export const unsignedNotification = (detail: string) => new DomainError('NOTIFICATION_UNSIGNED', detail, 'invalid');
/** 400: the signature does not verify with the provider's key (forged or tampered). */
export const badSignature = (channel: string) =>
  new DomainError('NOTIFICATION_SIGNATURE_INVALID', `the ${channel} notification's signature does not verify with the configured key`, 'invalid');
/** 400: signed, but not a notification this channel could have sent. */
export const malformedNotification = (detail: string) => new DomainError('NOTIFICATION_MALFORMED', detail, 'invalid');
/** 400: signed too long ago (or in the future) to be a live delivery. */
export const staleNotification = (detail: string) => new DomainError('NOTIFICATION_STALE', detail, 'invalid');
/** 409: these exact signed bytes were already delivered; providers re-sign every redelivery. */
export const replayedNotification = () => new DomainError('NOTIFICATION_REPLAYED', 'this signed notification was already delivered', 'conflict');
