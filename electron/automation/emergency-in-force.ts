import { createEmergencyLedger } from '../campaigns/emergency-ledger';
import { createEmergencyRecord, emergencyRecordPath, type TenantIdentity } from '../campaigns/emergency-record';

/**
 * Whether the emergency pause holds campaigns on this tenant now, read from the data folder's
 * record each time (the app and the command line share it), so a rule never resumes anything
 * while a person's emergency stop is in force.
 */
export function emergencyInForce(dataDir: string, tenant: TenantIdentity): () => boolean {
  const ledger = createEmergencyLedger(() => createEmergencyRecord(emergencyRecordPath(dataDir, tenant)));
  return () => ledger.read().paused.length > 0;
}
