import { vi } from 'vitest';

// A vitest setup file (vitest.config.ts), run before each test file. The suite runs with
// `isolate: false`: a worker process runs many files, and the packages in node_modules are loaded
// once per worker. This forgets every module of src/ and test/ the previous file loaded, so each
// file evaluates them afresh, as it did in a process of its own: module-level state (the owed-now
// memo, the problem-code recorder) never carries from one file to the next.
vi.resetModules();
// A file that faked the clock and failed before restoring it must not leave the next one on it.
vi.useRealTimers();
