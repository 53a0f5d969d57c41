/** What this reads of GET /v1/loans/:id/history (the LoanHistory schema), written out so this loads outside the console's build, in tests. */
interface HistoryEvent {
  type: string;
  occurredAt: string;
  actor: { sub: string };
  data?: unknown;
}

/** A CreditAssessed event's payload as the console shows it (src/domain/loan/events.ts CreditAssessed; of its inputs, the income). */
export interface CreditAssessment {
  /** The income the scorecard saw, as the history opens it: a decimal string, or `[erased]` once the customer is erased; null when not recorded. */
  monthlyIncome: string | null;
  score: number;
  grade: string;
  decision: string;
  reasons: { code: string; message: string; points: number }[];
  scorecardVersion: string;
  assessedAt: string;
  assessedBy: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function assessmentOf(event: HistoryEvent): CreditAssessment | null {
  const data = event.data;
  if (!isRecord(data) || typeof data.score !== 'number' || typeof data.grade !== 'string' || typeof data.decision !== 'string') return null;
  const reasons = Array.isArray(data.reasons) ? data.reasons.filter(isRecord).map((r) => ({
    code: String(r.code ?? ''), message: String(r.message ?? ''), points: typeof r.points === 'number' ? r.points : 0,
  })) : [];
  const income = isRecord(data.inputs) ? data.inputs.monthlyIncome : null;
  return {
    monthlyIncome: typeof income === 'string' ? income : null,
    score: data.score, grade: data.grade, decision: data.decision, reasons,
    scorecardVersion: typeof data.scorecardVersion === 'string' ? data.scorecardVersion : '—', assessedAt: event.occurredAt, assessedBy: event.actor.sub,
  };
}

/** The assessment an approval rests on: the loan's latest CreditAssessed (a loan may be assessed again), or null before any. */
export function latestAssessment(history: { events: readonly HistoryEvent[] }): CreditAssessment | null {
  for (let i = history.events.length - 1; i >= 0; i--) {
    const event = history.events[i];
    if (event?.type === 'CreditAssessed') return assessmentOf(event);
  }
  return null;
}
