import type { ReportProgress, SimulationReport, SimulationRequest } from '../../../shared/new-campaign/simulation-report';

export type { ReportProgress as SimulationProgress, SimulationReport, SimulationRequest };
export { abandonLimit } from '../../../shared/new-campaign/simulation-report';

export type ToSimulationWorker = { type: 'run'; request: SimulationRequest };
export type FromSimulationWorker =
  | { type: 'progress'; progress: ReportProgress }
  | { type: 'result'; report: SimulationReport }
  | { type: 'error'; message: string };
