import { ConsoleFailure } from '../../../shared/errors';
import type { WebhookSubscriptionsPort } from '../ports';
import { notAvailable } from './failures';

/** The Admin API has no webhook subscriptions: said, not faked. */
export const adminWebhooks: WebhookSubscriptionsPort = {
  create() {
    return Promise.reject(
      new ConsoleFailure(notAvailable('Webhook subscriptions', 'the CXone Admin API offers no webhook subscriptions; the console polls instead')),
    );
  },
};
