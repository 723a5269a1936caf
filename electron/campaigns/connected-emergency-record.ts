import { join } from 'node:path';
import { adoptEmergencyRecord, createEmergencyRecord, emergencyRecordPath, type EmergencyRecord } from './emergency-record';

/** What the tenant session says about the tenant connected now. */
export interface ConnectedTenant {
  profileId: string | null;
  apiBaseUrl: string | null;
  clientId: string | null;
}

/**
 * The emergency record of the tenant connected now, as campaign control asks for it. Keyed
 * by the tenant itself (base URL + client id), so `cxone-console campaigns resume --emergency`
 * shares it; a record kept under the older per-profile name (`emergency/<profileId>.json`)
 * is moved to it on first use, and is used as it is while the tenant is not known yet.
 */
export function connectedEmergencyRecord(dataDir: string, tenant: () => ConnectedTenant): () => EmergencyRecord {
  const records = new Map<string, EmergencyRecord>();
  return () => {
    const { profileId, apiBaseUrl, clientId } = tenant();
    const legacyPath = join(dataDir, 'emergency', `${profileId ?? 'none'}.json`);
    const path = apiBaseUrl && clientId ? emergencyRecordPath(dataDir, { apiBaseUrl, clientId }) : legacyPath;
    let record = records.get(path);
    if (!record) {
      adoptEmergencyRecord(legacyPath, path);
      record = createEmergencyRecord(path);
      records.set(path, record);
    }
    return record;
  };
}
