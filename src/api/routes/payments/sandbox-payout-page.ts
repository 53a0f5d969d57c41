const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface SandboxPagePayout {
  id: string;
  amount: string;
  currency: string;
  status: string;
}

/** The simulated gateway's payout page: the payout, and pay / fail buttons that post to the gateway. */
export function sandboxPayoutPage(payout: SandboxPagePayout, message: string | null): string {
  const base = `/v1/payments/sandbox/payouts/${encodeURIComponent(payout.id)}`;
  const buttons = payout.status === 'pending'
    ? `<form method="post" action="${base}/confirm"><button type="submit">Pay out</button></form>
<form method="post" action="${base}/fail"><button type="submit">Fail payout</button></form>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>lendcore sandbox gateway — payout</title></head>
<body>
<h1>Sandbox payout gateway</h1>
<p>No real money moves here: this page simulates a provider paying refund <code>${escapeHtml(payout.id)}</code> to the borrower.</p>
<dl><dt>Amount</dt><dd>${escapeHtml(payout.amount)} ${escapeHtml(payout.currency)}</dd>
<dt>Status</dt><dd id="status">${escapeHtml(payout.status)}</dd></dl>
${message === null ? '' : `<p role="status">${escapeHtml(message)}</p>`}
${buttons}
</body></html>
`;
}
