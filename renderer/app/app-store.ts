import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo } from '../../shared/app/app-info';
import type { TenantStatus } from '../../shared/tenant/tenant-status';
import type { ConsoleApi } from '../api';
import type { ConnectionState } from '../transport/transport';
import type { ScreenId } from './screen-ids';
import { createStoreContext } from './store-context';

export interface AppState {
  screen: ScreenId;
  appInfo: AppInfo | null;
  tenant: TenantStatus | null;
  bridge: ConnectionState;
  navigate(screen: ScreenId): void;
  start(): () => void;
}

export type AppStore = StoreApi<AppState>;

export function createAppStore(api: ConsoleApi): AppStore {
  return createStore<AppState>((set) => ({
    screen: 'campaigns',
    appInfo: null,
    tenant: null,
    bridge: 'connecting',
    navigate: (screen) => set({ screen }),
    start() {
      const offs = [api.onConnectionChange((bridge) => set({ bridge })), api.on('tenant:statusChanged', (tenant) => set({ tenant }))];
      void api.call('app:info', {}).then((appInfo) => set({ appInfo }));
      void api.call('tenant:status', {}).then((tenant) => set({ tenant }));
      return () => offs.forEach((off) => off());
    },
  }));
}

const appStoreContext = createStoreContext<AppState>('app');
export const AppStoreProvider = appStoreContext.Provider;
export const useAppStore = appStoreContext.useSelector;
