import { loadConfig } from '../../src/config/config.js';
import { openRuntime } from '../../src/runtime/open-runtime.js';
import { serveUntilStopped } from './serve.js';

// Worker: lendcore's real server, composed exactly as `lendcore serve` does (openRuntime from the
// environment: embedded SQLite store, synchronous=FULL, projectors in-process).
const runtime = await openRuntime(loadConfig(process.env));
await serveUntilStopped(runtime.app, runtime.close);
