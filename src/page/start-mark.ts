import { markPhase } from './phase-marks';

/**
 * The content script's first statement, imported before anything else: the
 * browser injects it at document_idle, so this is where a scan's time starts
 * counting, the script's own start-up included (see `phase-marks.ts`).
 */
markPhase('inject');
