import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConsoleApi } from '../../api';
import { createStoreContext } from '../../app/store-context';
import type { SimulationSummary } from '../../../shared/new-campaign/creation';
import { runSimulation, SimulationCancelled, type SimulationJob } from './simulation-runner';
import type { SimulationProgress, SimulationReport, SimulationRequest } from './simulation-protocol';

export type SimulationInputs = Record<keyof SimulationRequest, number>;

export interface SimulationState {
  inputs: SimulationInputs | null;
  running: boolean;
  progress: SimulationProgress | null;
  result: SimulationReport | null;
  error: string | null;
  cancelled: boolean;
  /** Fills the inputs from the definition unless the lead already set them. */
  prepare(defaults: SimulationInputs): void;
  setInput(name: keyof SimulationRequest, value: number): void;
  run(): Promise<void>;
  cancel(): void;
  /** What the audit entry keeps: inputs and recommendation as flat values. */
  summary(): SimulationSummary | null;
  reset(): void;
}

const rounded = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

export type SimulationStore = StoreApi<SimulationState>;

export function createSimulationStore(api: ConsoleApi): SimulationStore {
  let job: SimulationJob | null = null;
  return createStore<SimulationState>((set, get) => ({
    inputs: null,
    running: false,
    progress: null,
    result: null,
    error: null,
    cancelled: false,
    prepare(defaults) {
      if (!get().inputs) set({ inputs: defaults });
    },
    setInput(name, value) {
      const inputs = get().inputs;
      if (inputs) set({ inputs: { ...inputs, [name]: value }, result: null });
    },
    async run() {
      const inputs = get().inputs;
      if (!inputs || get().running) return;
      set({ running: true, progress: null, error: null, cancelled: false, result: null });
      job = runSimulation(api, inputs, (progress) => set({ progress }));
      try {
        set({ result: await job.result });
      } catch (thrown) {
        if (thrown instanceof SimulationCancelled) set({ cancelled: true });
        else set({ error: thrown instanceof Error ? thrown.message : String(thrown) });
      } finally {
        job = null;
        set({ running: false });
      }
    },
    cancel() {
      job?.cancel();
    },
    summary() {
      const report = get().result;
      if (!report) return null;
      const request = report.request;
      return {
        inputs: { ...request },
        recommendation: {
          recommendedDialRatio: report.recommendedDialRatio,
          predictedAbandonRate: report.predictive ? rounded(report.predictive.abandonRate) : null,
          abandonLimit: 0.03,
          agentsNeeded: report.staffing.agentsNeeded,
          trafficErlangs: rounded(report.staffing.trafficErlangs, 2),
          serviceLevelAchieved: rounded(report.staffing.serviceLevel),
          progressiveCompletionHours: report.progressive.completionHours === null ? null : rounded(report.progressive.completionHours, 2),
          progressiveContactsPerHour: rounded(report.progressive.contactsPerHour, 1),
          predictiveContactsPerHour: report.predictive ? rounded(report.predictive.contactsPerHour, 1) : null,
          predictiveCompletionHours: report.predictive?.completionHours == null ? null : rounded(report.predictive.completionHours, 2),
          predictedAbandonRateHigh: report.predictive ? rounded(report.predictive.abandonRateCi95[1]) : null,
          replicationsRun: report.replicationsRun,
        },
      };
    },
    reset() {
      job?.cancel();
      set({ inputs: null, result: null, progress: null, error: null, cancelled: false });
    },
  }));
}

const simulationStoreContext = createStoreContext<SimulationState>('simulation');
export const SimulationStoreProvider = simulationStoreContext.Provider;
export const useSimulationStore = simulationStoreContext.useSelector;
