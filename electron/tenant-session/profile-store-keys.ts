/** Where the tenant session keeps its profile in the settings store (the app's electron-store, the headless hosts' settings.json). */
export const profileKey = 'tenantProfile';
/** Which demo tenant runs when no profile is saved: the contract one unless the lead chose the Admin API one. */
export const demoKindKey = 'tenantDemoKind';
/** The Admin API demo tenant's own settings (emergency stop, outcome mapping): it has no saved profile to hold them. */
export const demoAdminSettingsKey = 'tenantDemoAdminApiSettings';
