import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import { auditQueryMatcher } from '../../../shared/audit/audit-query';
import type { ConsoleError } from '../../../shared/errors';
import { api } from '../../api';
import { errorOf } from '../../components/to-console-error';
import { mergeEntries } from './audit-filters';

export interface CampaignAudit {
  entries: AuditEntry[];
  loading: boolean;
  error: ConsoleError | null;
}

/** The newest `limit` audit entries about one campaign, kept current as entries are appended. */
export function useCampaignAudit(campaignId: string, limit = 10): CampaignAudit {
  const [state, setState] = useState<CampaignAudit>({ entries: [], loading: true, error: null });
  useEffect(() => {
    let current = true;
    const matches = auditQueryMatcher({ campaignId });
    setState({ entries: [], loading: true, error: null });
    const off = api.on('audit:appended', (entry) => {
      if (!matches(entry)) return;
      setState((previous) => ({ ...previous, entries: mergeEntries(previous.entries, [entry]).slice(0, limit) }));
    });
    api.call('audit:query', { campaignId, limit }).then(
      (page) => {
        if (current) setState((previous) => ({ entries: mergeEntries(page.entries, previous.entries).slice(0, limit), loading: false, error: null }));
      },
      (thrown: unknown) => {
        if (current) setState((previous) => ({ ...previous, loading: false, error: errorOf(thrown) }));
      },
    );
    return () => {
      current = false;
      off();
    };
  }, [campaignId, limit]);
  return state;
}
