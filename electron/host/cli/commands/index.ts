import type { CliCommandModule } from '../cli-context';
import { auditCommand } from './audit-command';
import { campaignsCommand } from './campaigns-command';
import { demoTenantCommand } from './demo-tenant-command';
import { dispositionsCommand } from './dispositions-command';
import { scheduleCommand } from './schedule-command';
import { simulationCommands } from './simulation';

/** Every feature's commands; a feature adds its module here and keeps the rest in its own file. */
export const cliCommands: readonly CliCommandModule[] = [
  demoTenantCommand,
  campaignsCommand,
  dispositionsCommand,
  auditCommand,
  simulationCommands,
  scheduleCommand,
];
