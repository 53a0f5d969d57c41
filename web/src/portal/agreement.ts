import { useMutation } from '@tanstack/react-query';
import { postJson } from '../api/client';
import type { ApiRequest, Schema } from '../api/schema';

/** POST /v1/loans/agreement's answer (the LoanAgreement schema): the document, the exact bytes the server hashed (canonical JSON) and their SHA-256, hex — what the application sends back once accepted. */
export type RenderedAgreement = Schema<'LoanAgreement'>;
/** The agreement itself: every figure is the server's decimal string. */
export type LoanAgreementDocument = RenderedAgreement['document'];

/** Asks the server to render the agreement for these terms (nothing is recorded). */
export function useAgreement() {
  return useMutation({
    mutationFn: (body: ApiRequest<'loans.agreement'>) => postJson<RenderedAgreement>('/v1/loans/agreement', body),
  });
}
