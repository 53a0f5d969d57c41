import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignSuspenseLine } from '../../../app/payments/assign-suspense-line.js';
import { importBankStatement } from '../../../app/payments/import-bank-statement.js';
import { loanOwner } from '../../../app/streams.js';
import { repaymentReferenceOf } from '../../../domain/payment/repayment-reference.js';
import { PAYMENT_SUSPENSE, PAYMENTS_PROJECTION, type SuspenseLineDoc } from '../../../projections/models/payments/payments.js';
import { authorize } from '../../auth/authorize.js';
import type { ApiPlugin } from '../../deps.js';
import { notFound } from '../../http-error.js';
import { idParams } from '../../schemas/common.js';
import { importedStatementResponse, repaymentReferenceResponse, suspensePageResponse } from '../../schemas/payment-views.js';
import { assignBody, lineParams, statementQuery, statementText, suspenseQuery } from '../../schemas/payments.js';
import { admit, checkRoleBeforeValidation } from '../commands/access.js';
import { commandMeta, sendOutcome } from '../commands/command-request.js';
import { commandSchema } from '../commands/route-schema.js';
import { guard } from '../queries/query-schemas.js';
import { awaitProjections, checkMinPosition, minPositionParam } from '../queries/read-your-writes.js';

/** Bank transfers: each loan's memo reference, statement import (CSV or MT940), and the suspense queue. */
export const bankTransferRoutes: ApiPlugin = async (scope, { deps }) => {
  scope.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const app = scope.withTypeProvider<ZodTypeProvider>();
  checkRoleBeforeValidation(scope);

  app.get('/v1/loans/:id/repayment-reference', {
    preValidation: guard('payments.repaymentReference'),
    schema: {
      tags: ['payments'], summary: 'The reference a borrower writes in a bank transfer\'s memo so the statement import finds the loan',
      description: 'Derived from the loan id and the event log, so always current: minPosition is accepted and needs no wait.',
      params: idParams, querystring: z.object({ minPosition: minPositionParam }).strict(), response: { 200: repaymentReferenceResponse },
    },
  }, async (request) => {
    await admit(request, 'payments.repaymentReference', deps.eventStore, { loanId: request.params.id });
    await checkMinPosition(deps, request.query.minPosition);
    if ((await loanOwner(deps.eventStore, request.params.id)) === null) throw notFound(`no loan ${request.params.id}`);
    const reference = repaymentReferenceOf(request.params.id);
    return { loanId: request.params.id, reference, memo: `Write ${reference} in the transfer's memo (remark); nothing else is needed.` };
  });

  app.post('/v1/payments/bank-statements', {
    // Before the body is parsed, so a caller without the role learns nothing from a parse error.
    onRequest: async (request) => {
      authorize(request, 'payments.importStatement');
    },
    schema: {
      tags: ['payments'],
      summary: 'Import a bank statement (CSV, or MT940 with ?format=mt940): matched lines recorded once as repayments, the rest to the suspense queue (officer)',
      querystring: statementQuery,
      body: statementText,
      response: { 200: importedStatementResponse, 201: importedStatementResponse },
    },
  }, async (request, reply) => {
    const actor = authorize(request, 'payments.importStatement');
    const result = await importBankStatement(deps, commandMeta(request, actor, 'payments.importStatement'), request.body, request.query.format);
    const count = (outcome: string) => result.lines.filter((l) => l.outcome === outcome).length;
    reply.status(result.imported ? 201 : 200);
    return {
      statementId: result.statementId, imported: result.imported, matched: count('matched'), suspended: count('suspended'), duplicates: count('duplicate'),
      skippedDebits: result.skippedDebits, lines: result.lines, position: result.position.toString(),
    };
  });

  app.get('/v1/payments/suspense', {
    preValidation: guard('payments.suspense'),
    schema: { tags: ['payments'], summary: 'Statement lines waiting for an officer (status open by default); page with nextCursor', querystring: suspenseQuery, response: { 200: suspensePageResponse } },
  }, async (request) => {
    const { status, limit, cursor, minPosition } = request.query;
    await awaitProjections(deps, [PAYMENTS_PROJECTION], minPosition);
    const page = await deps.readStore.find<SuspenseLineDoc>(PAYMENT_SUSPENSE, { where: { status }, sort: { field: 'id', direction: 'asc' }, limit, cursor: cursor ?? null });
    return { items: page.items, nextCursor: page.nextCursor };
  });

  app.post('/v1/payments/suspense/:lineId/assign', {
    config: { policy: 'payments.assignSuspense' },
    schema: commandSchema('payments', 'Record a suspended statement line as a loan\'s repayment (officer)', { params: lineParams, body: assignBody }),
  }, async (request, reply) => {
    const actor = await admit(request, 'payments.assignSuspense', deps.eventStore);
    return sendOutcome(reply, await assignSuspenseLine(deps, commandMeta(request, actor, 'payments.assignSuspense'), request.params.lineId, request.body.loanId));
  });
};
