import { userInfo } from 'node:os';
import type { AuditActor } from '../../../../shared/audit/audit-entry';
import type { EmergencyProgress } from '../../../../shared/campaigns/status-change';
import { cliAuditLogOptions } from '../../../audit/audit-env';
import { createAuditLog } from '../../../audit/audit-log';
import { createCampaignControl, type CampaignControl } from '../../../campaigns/campaign-control';
import { createCampaignDirectory } from '../../../campaigns/campaign-directory';
import { createEmergencyRecord, emergencyRecordPath } from '../../../campaigns/emergency-record';
import type { CliContext } from '../cli-context';

/** The app's campaign control, composed for one command: the environment's tenant, the data folder's audit log and emergency record. */
export interface CliCampaignControl {
  control: CampaignControl;
  tenantLabel: string;
  actor: AuditActor;
  close(): Promise<void>;
}

/** The person running the command, as the audit log names them. */
function operatorName(env: CliContext['io']['env']): string {
  try {
    return userInfo().username;
  } catch {
    // No account entry for this uid (some containers): fall back to what the shell says.
    return env.USER ?? env.USERNAME ?? 'unknown';
  }
}

export async function openCampaignControl(context: CliContext, onProgress?: (progress: EmergencyProgress) => void): Promise<CliCampaignControl> {
  const dataDir = context.dataDir();
  const connection = context.connect();
  try {
    const audit = await createAuditLog(cliAuditLogOptions(dataDir, context.io.env));
    // Never started: the command reads nothing in the background; names come from the tenant's answers.
    const directory = createCampaignDirectory({ connection: () => connection, intervalSeconds: () => 60 });
    const record = createEmergencyRecord(emergencyRecordPath(dataDir, connection.profile));
    const control = createCampaignControl({
      connection: () => connection,
      tenantLabel: () => connection.profile.label,
      directory,
      record: () => record,
      audit,
      ...(onProgress ? { onProgress } : {}),
    });
    return {
      control,
      tenantLabel: connection.profile.label,
      actor: { type: 'user', name: operatorName(context.io.env) },
      async close() {
        connection.close();
        await audit.close();
      },
    };
  } catch (error) {
    connection.close();
    throw error;
  }
}
