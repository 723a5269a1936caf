/** Every screen the sidebar lists, in its order; screens.ts maps each to its component. */
export const screenIds = ['campaigns', 'dispositions', 'new-campaign', 'schedules', 'automation', 'audit', 'settings'] as const;
export type ScreenId = (typeof screenIds)[number];
