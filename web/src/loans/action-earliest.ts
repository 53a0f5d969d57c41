/** What this reads of a GET /v1/loans/:id/history event. */
interface Event {
  type: string;
  data: unknown;
}

type Data = Record<string, unknown>;

const field = (event: Event, name: string): string | undefined => {
  const value = (event.data as Data | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
};

const latest = (dates: readonly (string | undefined)[]): string | undefined =>
  dates.reduce<string | undefined>((max, date) => (date !== undefined && (max === undefined || date > max) ? date : max), undefined);

/** The `name` date of the latest event of `type`. */
const lastDate = (events: readonly Event[], type: string, name: string): string | undefined => {
  const event = events.findLast((e) => e.type === type);
  return event ? field(event, name) : undefined;
};

/** Repayments and waivers still standing (a reversed repayment no longer bounds a write-off). */
function standingFacts(events: readonly Event[]): (string | undefined)[] {
  const reversed = new Set(events.filter((e) => e.type === 'RepaymentReversed').map((e) => field(e, 'reference')));
  return events
    .filter((e) => (e.type === 'RepaymentReceived' && !reversed.has(field(e, 'reference'))) || e.type === 'ChargeWaived')
    .map((e) => field(e, 'effectiveDate'));
}

/**
 * The earliest date a servicing command (`actionId`, servicing-actions.ts) may carry on a disbursed loan beyond
 * its disbursement, as the server checks it (src/domain/loan/): nothing dated before the last reschedule
 * (BACKDATED_BEFORE_RESCHEDULE), a reschedule not before the last repayment (RESCHEDULE_BACKDATED), a write-off's
 * approval not before its request nor a standing repayment or waiver (WRITE_OFF_BEFORE_REQUEST, …_LATER_FACTS),
 * a recovery not before the write-off (BACKDATED_BEFORE_WRITE_OFF), a reversal not before the payment it takes
 * back (`values.reference`; REVERSAL_BEFORE_PAYMENT). Undefined when the loan's events set no such bound.
 */
export function actionEarliest(actionId: string, events: readonly Event[], values: Record<string, unknown> | undefined): string | undefined {
  const rescheduledOn = lastDate(events, 'LoanRescheduled', 'effectiveDate');
  switch (actionId) {
    case 'repay': case 'waive': case 'charge': case 'writeOffRequest':
      return rescheduledOn;
    case 'reschedule':
      return latest([rescheduledOn, ...events.filter((e) => e.type === 'RepaymentReceived').map((e) => field(e, 'effectiveDate'))]);
    case 'writeOffApprove':
      return latest([rescheduledOn, lastDate(events, 'LoanWriteOffRequested', 'date'), ...standingFacts(events)]);
    case 'recover':
      return lastDate(events, 'LoanWrittenOff', 'date');
    case 'reverse': {
      const reference = values?.reference;
      const paid = events.find((e) => (e.type === 'RepaymentReceived' || e.type === 'RecoveryReceived') && field(e, 'reference') === reference);
      return paid ? field(paid, 'effectiveDate') : undefined;
    }
    default:
      return undefined;
  }
}
