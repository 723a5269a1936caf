import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { Outbox } from '../outbox/outbox';
import { webhookSecretRefs } from '../outbox/webhook-secrets';
import type { WfmNotificationSink } from './schedule-applier';

/** The WFM `CAMPAIGN_SCHEDULE_UPDATED` notification (§5) through the one outbox, when a WFM URL is set. */
export const wfmNotificationSink = (options: { outbox: () => Pick<Outbox, 'enqueue'> | null; wfmUrl: () => string }): WfmNotificationSink => ({
  enabled: () => options.wfmUrl() !== '',
  enqueue: async (body, dedupeKey) => {
    const outbox = options.outbox();
    if (!outbox) throw new ConsoleFailure(consoleError('configuration', 'The notification outbox is not running, so the WFM was not notified.'));
    return outbox.enqueue({ channel: 'wfm', url: options.wfmUrl(), secretRef: webhookSecretRefs.wfm, body, dedupeKey });
  },
});
