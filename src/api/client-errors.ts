import type { Duplex } from 'node:stream';
import { clientErrorProblem } from './problem.js';

/**
 * fastify's `clientErrorHandler`: node's HTTP parser refused the request (over-long URL or
 * headers, malformed request line, timeout) before any route or hook could run, so the answer is
 * written to the socket by hand: the same problem+json as every other error, then the connection
 * closes. A reset connection gets nothing.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const answer = clientErrorProblem(error);
    const body = JSON.stringify(answer);
    const { status, title } = answer;
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
