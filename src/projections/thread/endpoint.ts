/** The part of a MessagePort (or a Worker, or `parentPort`) the projection-thread protocol uses. */
export interface MessageEndpoint {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}
