export type { ReportProgress as SimulationProgress, SimulationReport, SimulationRequest } from '../../../shared/new-campaign/simulation-report-schema';
export { abandonLimit } from '../../../shared/new-campaign/simulation-report';
