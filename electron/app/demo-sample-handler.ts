import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { DemoTenantHandle } from '../demo-tenant/index';
import { writeDemoSampleFile } from '../demo-tenant/sample-disposition-file';
import type { ChosenFiles } from '../dispositions/file-access';
import type { RequestHandlers } from '../ipc/handlers';

export interface DemoSampleHandlerOptions {
  tenant: { status(): { isDemo: boolean }; demoTenant(): DemoTenantHandle | null };
  /** `<dataDir>/samples`. */
  dir: string;
  /** The sample is handed to the renderer as a file main chose. */
  chosen: Pick<ChosenFiles, 'register'>;
}

/** A disposition file made from the demo tenant's contacts, to try an import with; only while the demo tenant is connected. */
export function demoSampleHandler(options: DemoSampleHandlerOptions): Pick<RequestHandlers, 'dispositions:demoSample'> {
  const { tenant } = options;
  return {
    'dispositions:demoSample': async () => {
      const demo = tenant.status().isDemo ? tenant.demoTenant() : null;
      if (!demo) {
        throw new ConsoleFailure(
          consoleError('validation', 'The sample file is made from the demo tenant’s contacts; connect the demo tenant in Settings to use it.'),
        );
      }
      const sample = await writeDemoSampleFile(demo, options.dir);
      return { ...options.chosen.register(sample.path), rows: sample.rows };
    },
  };
}
