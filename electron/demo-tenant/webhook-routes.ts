import { webhookSubscriptionRequestSchema, type WebhookSubscription } from '../../shared/cxone/schemas';
import { answer, checkBody } from './answers';
import type { DemoTenantState } from './public-types';
import type { Route } from './router';

export function webhookRoutes(state: DemoTenantState, now: () => number): Route[] {
  let nextNumber = state.subscriptions.size + 1;
  return [
    {
      method: 'POST',
      pattern: '/api/v2/webhooks',
      scope: 'webhook:write',
      handle: (request) => {
        const body = checkBody(request.body, webhookSubscriptionRequestSchema);
        if (!body.ok) return body.answer;
        const id = `wh-${String(nextNumber++).padStart(3, '0')}`;
        const { secret, ...visible } = body.value;
        const subscription: WebhookSubscription = { id, ...visible };
        state.subscriptions.set(id, { ...subscription, secret, createdAt: new Date(now()).toISOString() });
        return answer(201, subscription, { Location: `/api/v2/webhooks/${id}` });
      },
    },
  ];
}
