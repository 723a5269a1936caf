import { join } from 'node:path';
import type { AuditActor } from '../../../../shared/audit/audit-entry';
import { ConsoleFailure, consoleError } from '../../../../shared/errors';
import type { RunProgressOf } from '../../../../shared/runs/run-progress';
import { operatorActor } from '../../../app/operator-actor';
import { cliAuditLogOptions } from '../../../audit/audit-env';
import type { AuditLog, AuditLogOptions } from '../../../audit/audit-log';
import type { AuditWriter } from '../../../audit/audit-writer';
import { createCampaignControl, type CampaignControl } from '../../../campaigns/campaign-control';
import { createCampaignDirectory } from '../../../campaigns/campaign-directory';
import { createDialingHint, dialingHintPathFor } from '../../../campaigns/dialing-hint';
import { createEmergencyRecord, emergencyRecordPath } from '../../../campaigns/emergency-record';
import { storageProblemOf } from '../../../campaigns/storage-problem';
import type { CliContext } from '../cli-context';

/** The app's campaign control, composed for one command: the environment's tenant, the data folder's audit log and emergency record. */
export interface CliCampaignControl {
  control: CampaignControl;
  tenantLabel: string;
  actor: AuditActor;
  close(): Promise<void>;
}

/**
 * The data folder's audit log, opened behind the command rather than before it: opening waits
 * for the folder's lock, and the emergency pause must never wait on a log. It is loaded and
 * opened at the first entry, i.e. once the first answer is in, so neither its code nor its
 * lock stands between the command and its first request. A folder that cannot be written is
 * found at once (one small probe file) and every append then fails with why, so the run says
 * so in its report instead of hanging.
 */
function auditBehindTheCommand(dir: string, options: () => AuditLogOptions): AuditWriter & { close(): Promise<void> } {
  const problem = storageProblemOf(dir);
  let opening: Promise<AuditLog> | null = null;
  const open = (): Promise<AuditLog> => {
    if (!opening) {
      opening = problem
        ? Promise.reject(new ConsoleFailure(consoleError('internal', problem)))
        : import('../../../audit/audit-log').then(({ createAuditLog }) => createAuditLog(options()));
      opening.catch(() => undefined);
    }
    return opening;
  };
  return {
    append: (entry) => open().then((log) => log.append(entry)),
    async close() {
      const log = await opening?.catch(() => null);
      await log?.close();
    },
  };
}

export async function openCampaignControl(context: CliContext, onProgress?: (progress: RunProgressOf<'emergency'>) => void): Promise<CliCampaignControl> {
  const dataDir = context.dataDir();
  const connection = context.connect();
  try {
    const auditDir = join(dataDir, 'audit');
    const audit = auditBehindTheCommand(auditDir, () => cliAuditLogOptions(dataDir, context.io.env));
    // Never started: the command reads nothing in the background; names come from the tenant's answers.
    const directory = createCampaignDirectory({ connection: () => connection, intervalSeconds: () => 60 });
    const record = createEmergencyRecord(emergencyRecordPath(dataDir, connection.profile));
    const dialingHint = createDialingHint(dialingHintPathFor(record.path));
    const control = createCampaignControl({
      connection: () => connection,
      tenantLabel: () => connection.profile.label,
      directory,
      record: () => record,
      dialingHint: () => dialingHint,
      audit,
      auditFolder: auditDir,
      ...(onProgress ? { onProgress } : {}),
    });
    return {
      control,
      tenantLabel: connection.profile.label,
      actor: operatorActor(undefined, { env: context.io.env }),
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
