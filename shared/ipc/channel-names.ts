/**
 * Channel names alone, without schemas, so the sandboxed preload stays tiny.
 * contract.ts fails to compile if these drift from the schema map.
 */
export const requestChannelNames = [
  'app:info',
  'tenant:status',
  'tenant:reconnect',
  'tenant:useDemo',
  'tenant:connect',
  'tenant:requestLog',
  'settings:get',
  'settings:update',
] as const;
export type RequestChannelName = (typeof requestChannelNames)[number];

export const eventChannelNames = ['tenant:statusChanged', 'tenant:requestLogged', 'settings:changed'] as const;
export type EventChannelName = (typeof eventChannelNames)[number];
