import { runProgressSchema } from '../../runs/run-progress';

/** Every long run (bulk pause or resume, emergency, import …) reports on this one channel; listeners pick theirs by `kind` and `runId`. */
export const runsEventChannels = {
  'runs:progress': runProgressSchema,
};
