/** An API refusal as RFC 9457 problem+json: `detail` is what the user reads, `code` the stable reason. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }
}

interface ProblemBody {
  status?: number;
  code?: string;
  detail?: string;
  title?: string;
}

/** Turns a failed response into an ApiProblem, keeping the server's detail and code when it sent problem+json. */
export async function problemOf(response: Response): Promise<ApiProblem> {
  let body: ProblemBody = {};
  try {
    body = (await response.json()) as ProblemBody;
  } catch {
    // Not JSON (a proxy page, an empty body): fall back to the status line.
  }
  return new ApiProblem(response.status, body.code ?? `HTTP_${response.status}`, body.detail ?? body.title ?? response.statusText);
}
