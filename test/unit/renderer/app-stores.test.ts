import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../renderer/app/app-store';
import { createStores } from '../../../renderer/app/stores';
import type { TenantStatus } from '../../../shared/tenant/tenant-status';
import { createFakeConsole, settle } from './fake-console';

const demo: TenantStatus = {
  profileId: null,
  label: 'Demo tenant',
  isDemo: true,
  apiBaseUrl: null,
  clientId: null,
  credentialsConfigured: false,
  connection: 'connected',
  lastError: null,
  checkedAt: null,
};

describe('app store', () => {
  it('shows the tenant, the app and the bridge as main reports them', async () => {
    const fake = createFakeConsole({
      'app:info': () => ({ name: 'CXone Outbound Console', version: '1.2.3', shell: 'web', platform: 'linux', dataDir: '/data' }),
      'tenant:status': () => demo,
    });
    const store = createAppStore(fake.api);
    const stop = store.getState().start();
    await settle();
    expect(store.getState()).toMatchObject({ bridge: 'open', tenant: demo, appInfo: { version: '1.2.3' } });

    fake.setConnection('closed');
    fake.emit('tenant:statusChanged', { ...demo, connection: 'degraded' });
    expect(store.getState().bridge).toBe('closed');
    expect(store.getState().tenant?.connection).toBe('degraded');
    stop();
  });
});

describe('navigation between features', () => {
  it('opens a created campaign in the campaign list with its details shown', () => {
    const stores = createStores(createFakeConsole().api);
    stores.app.getState().navigate('new-campaign');
    stores.navigation.openCampaign('c-42');
    expect(stores.app.getState().screen).toBe('campaigns');
    expect(stores.campaigns.getState().drawerId).toBe('c-42');
  });

  it('opens the Audit log filtered to the campaign whose trail was shown', () => {
    const stores = createStores(createFakeConsole().api);
    stores.navigation.openCampaignAudit('c-42');
    expect(stores.app.getState().screen).toBe('audit');
    expect(stores.audit.getState().form.campaignId).toBe('c-42');
  });
});
