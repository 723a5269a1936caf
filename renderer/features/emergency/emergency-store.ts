import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EmergencyRun, EmergencyState } from '../../../shared/campaigns/status-change';
import type { ConsoleError } from '../../../shared/errors';
import type { RunProgressOf } from '../../../shared/runs/run-progress';
import type { ConsoleApi } from '../../api';
import { createStoreContext } from '../../app/store-context';
import { errorOf } from '../../components/to-console-error';

export interface EmergencyStoreState {
  state: EmergencyState | null;
  progress: RunProgressOf<'emergency'> | null;
  /** The run whose report is on screen (null: report dismissed). */
  report: EmergencyRun | null;
  error: ConsoleError | null;
  start(): () => void;
  pauseAll(): Promise<void>;
  resumeEmergency(): Promise<void>;
  cancel(): Promise<void>;
  dismiss(): void;
}

export type EmergencyStore = StoreApi<EmergencyStoreState>;

export const createEmergencyStore = (api: ConsoleApi): EmergencyStore =>
  createStore<EmergencyStoreState>((set) => {
    const run = async (channel: 'campaigns:emergencyPause' | 'campaigns:resumeEmergency') => {
      set({ error: null, progress: null, report: null });
      try {
        const report = await api.call(channel, {});
        set({ report, progress: null });
      } catch (thrown) {
        set({ error: errorOf(thrown), progress: null });
      }
    };
    return {
      state: null,
      progress: null,
      report: null,
      error: null,
      start() {
        const offs = [
          api.on('runs:progress', (progress) => {
            if (progress.kind === 'emergency') set({ progress });
          }),
          api.on('campaigns:emergencyChanged', (state) => set({ state })),
        ];
        void api.call('campaigns:emergencyState', {}).then((state) => set({ state }));
        return () => offs.forEach((off) => off());
      },
      pauseAll: () => run('campaigns:emergencyPause'),
      resumeEmergency: () => run('campaigns:resumeEmergency'),
      async cancel() {
        await api.call('campaigns:cancelEmergency', {});
      },
      dismiss: () => set({ report: null, error: null }),
    };
  });

const emergencyStoreContext = createStoreContext<EmergencyStoreState>('emergency');
export const EmergencyStoreProvider = emergencyStoreContext.Provider;
export const useEmergencyStore = emergencyStoreContext.useSelector;
