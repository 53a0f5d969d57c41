import { processReplayMemo } from '../../commands/bounded-replay-memo.js';
import { loanDeciderWith } from '../../domain/loan/decider.js';

/** The loan decider this process's commands and loads run: long replays remembered in processReplayMemo. One object, as the aggregate cache looks entries up by its `evolve`. */
export const processLoanDecider = loanDeciderWith(processReplayMemo);
