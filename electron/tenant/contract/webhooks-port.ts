import { contractPaths, webhookSubscriptionSchema } from '../../../shared/cxone/schemas';
import type { WebhookSubscriptionsPort } from '../ports';
import type { ContractHttp } from './contract-http';

/** §4.8 over the contract. */
export function contractWebhooks(http: ContractHttp): WebhookSubscriptionsPort {
  return {
    create(request, signal) {
      return http.request({
        operation: { name: `subscribe webhook "${request.name}"`, method: 'POST', path: contractPaths.webhooks, scope: 'webhook:write' },
        schema: webhookSubscriptionSchema,
        json: request,
        signal,
      });
    },
  };
}
