import type { Suite } from '../suite.js';
import { eventStoreSuite } from './eventstore.js';
import { findingSuite } from './finding.js';
import { httpSuite } from './http.js';
import { loadSuite } from './load.js';
import { logSuite } from './log.js';
import { scheduleSuite } from './schedule.js';

/** Every suite, in run order: cheap in-process figures first, the long log suite last. */
export const SUITES: Suite[] = [scheduleSuite, loadSuite, eventStoreSuite, findingSuite, httpSuite, logSuite];
