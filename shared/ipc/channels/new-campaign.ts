import * as z from 'zod';
import { createCampaignRequestSchema, createCampaignResultSchema } from '../../new-campaign/creation';
import { newCampaignFormSchema } from '../../new-campaign/campaign-form';
import { referenceCatalogSchema, referenceCheckSchema } from '../../new-campaign/reference-check';
import { simulationReportSchema, simulationRequestSchema } from '../../new-campaign/simulation-report-schema';
import { requestChannel } from '../define';

const simulationRunId = z.string().min(1, 'A simulation run needs an id').max(100);

export const newCampaignRequestChannels = {
  /** Contact lists (with record counts), wrap-up codes and DNC lists for the wizard's pickers. */
  'newCampaign:references': requestChannel(z.object({}), referenceCatalogSchema),
  /** Checks every reference of the form against the tenant; creates nothing. */
  'newCampaign:checkReferences': requestChannel(z.object({ form: newCampaignFormSchema }), referenceCheckSchema),
  /** Re-checks the references, then POSTs the campaign (created as draft) and audits the attempt. */
  'newCampaign:create': requestChannel(createCampaignRequestSchema, createCampaignResultSchema),
  /** Runs the Simulate step's staffing and pacing report on the main process's worker threads; fails with kind 'cancelled' when cancelled. */
  'newCampaign:simulate': requestChannel(z.object({ runId: simulationRunId, request: simulationRequestSchema }), simulationReportSchema),
  'newCampaign:cancelSimulation': requestChannel(z.object({ runId: simulationRunId }), z.object({ cancelled: z.boolean() })),
};
