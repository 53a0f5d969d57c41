/** Minimal HTML escaping for the sandbox page's few interpolated values. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface SandboxPageIntent {
  id: string;
  amount: string;
  currency: string;
  status: string;
  expiresAt: string;
}

/** The simulated gateway's checkout page: the intent, and confirm / fail buttons that post to the gateway. */
export function sandboxPage(intent: SandboxPageIntent, message: string | null): string {
  const id = escapeHtml(intent.id);
  const base = `/v1/payments/sandbox/${encodeURIComponent(intent.id)}`;
  const buttons = intent.status === 'pending'
    ? `<form method="post" action="${base}/confirm"><button type="submit">Confirm payment</button></form>
<form method="post" action="${base}/fail"><button type="submit">Fail payment</button></form>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>lendcore sandbox gateway</title></head>
<body>
<h1>Sandbox payment gateway</h1>
<p>No real money moves here: this page simulates a payment provider for intent <code>${id}</code>.</p>
<dl><dt>Amount</dt><dd>${escapeHtml(intent.amount)} ${escapeHtml(intent.currency)}</dd>
<dt>Status</dt><dd id="status">${escapeHtml(intent.status)}</dd>
<dt>Expires</dt><dd>${escapeHtml(intent.expiresAt)}</dd></dl>
${message === null ? '' : `<p role="status">${escapeHtml(message)}</p>`}
${buttons}
</body></html>
`;
}
