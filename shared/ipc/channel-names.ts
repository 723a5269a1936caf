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
  'campaigns:snapshot',
  'campaigns:refresh',
  'campaigns:get',
  'campaigns:setStatus',
  'campaigns:emergencyPause',
  'campaigns:resumeEmergency',
  'campaigns:cancelEmergency',
  'campaigns:emergencyState',
  'dispositions:uploadBegin',
  'dispositions:uploadChunk',
  'dispositions:open',
  'dispositions:setMapping',
  'dispositions:rows',
  'dispositions:editCell',
  'dispositions:dryRun',
  'dispositions:cancelDryRun',
  'dispositions:apply',
  'dispositions:jobs',
  'dispositions:progress',
  'dispositions:pause',
  'dispositions:resume',
  'dispositions:cancel',
  'dispositions:resumeJob',
  'dispositions:report',
  'dispositions:exportUnapplied',
  'outbox:status',
  'outbox:setSecret',
  'outbox:retryDead',
  'newCampaign:references',
  'newCampaign:checkReferences',
  'newCampaign:create',
] as const;
export type RequestChannelName = (typeof requestChannelNames)[number];

export const eventChannelNames = [
  'tenant:statusChanged',
  'tenant:requestLogged',
  'settings:changed',
  'campaigns:changed',
  'campaigns:emergencyProgress',
  'campaigns:emergencyChanged',
  'dispositions:importProgress',
  'dispositions:importSettled',
  'outbox:changed',
] as const;
export type EventChannelName = (typeof eventChannelNames)[number];
