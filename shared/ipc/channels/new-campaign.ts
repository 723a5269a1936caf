import { z } from 'zod';
import { createCampaignRequestSchema, createCampaignResultSchema } from '../../new-campaign/creation';
import { newCampaignFormSchema } from '../../new-campaign/campaign-form';
import { referenceCatalogSchema, referenceCheckSchema } from '../../new-campaign/reference-check';
import { requestChannel } from '../define';

export const newCampaignRequestChannels = {
  /** Contact lists (with record counts), wrap-up codes and DNC lists for the wizard's pickers. */
  'newCampaign:references': requestChannel(z.object({}), referenceCatalogSchema),
  /** Checks every reference of the form against the tenant; creates nothing. */
  'newCampaign:checkReferences': requestChannel(z.object({ form: newCampaignFormSchema }), referenceCheckSchema),
  /** Re-checks the references, then POSTs the campaign (created as draft) and audits the attempt. */
  'newCampaign:create': requestChannel(createCampaignRequestSchema, createCampaignResultSchema),
};
