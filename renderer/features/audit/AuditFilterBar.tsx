import { useMemo, type RefObject } from 'react';
import { auditActorTypes, auditOutcomes, type AuditEntry } from '../../../shared/audit/audit-entry';
import { actorTypeLabels, outcomeStyles } from '../../components/audit-format';
import { isUnfiltered, optionOf, timeRangeOf, timeRanges } from './audit-filters';
import { useAuditStore } from './audit-store';

const maxSuggestions = 2000;

/** Names to suggest: the campaigns the console knows, plus any campaign or actor seen in the loaded entries. */
function useSuggestions(entries: AuditEntry[]) {
  const knownCampaigns = useAuditStore((s) => s.knownCampaigns);
  return useMemo(() => {
    const campaignNames = new Map<string, string>(knownCampaigns);
    const actors = new Set<string>();
    for (const entry of entries) {
      actors.add(entry.actor.name);
      if (entry.target.type === 'campaign' && !campaignNames.has(entry.target.id)) campaignNames.set(entry.target.id, entry.target.name ?? '');
    }
    return {
      campaigns: [...campaignNames].slice(0, maxSuggestions),
      actors: [...actors].sort().slice(0, maxSuggestions),
    };
  }, [knownCampaigns, entries]);
}

export function AuditFilterBar({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const form = useAuditStore((s) => s.form);
  const entries = useAuditStore((s) => s.entries);
  const setForm = useAuditStore((s) => s.setForm);
  const resetForm = useAuditStore((s) => s.resetForm);
  const suggestions = useSuggestions(entries);
  return (
    <div className="toolbar audit-filters" role="search" aria-label="Filter the audit log">
      <label className="sr-only" htmlFor="audit-search">
        Search the audit log
      </label>
      <input
        id="audit-search"
        ref={searchRef}
        type="search"
        placeholder="Search the log (press /)"
        value={form.text}
        onChange={(e) => setForm({ text: e.target.value }, { typing: true })}
      />
      <label htmlFor="audit-range">Time</label>
      <select id="audit-range" value={form.range} onChange={(e) => setForm({ range: timeRangeOf(e.target.value) })}>
        {timeRanges.map((range) => (
          <option key={range.id} value={range.id}>
            {range.label}
          </option>
        ))}
      </select>
      {form.range === 'custom' ? (
        <>
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" type="datetime-local" value={form.customFrom} onChange={(e) => setForm({ customFrom: e.target.value }, { typing: true })} />
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" type="datetime-local" value={form.customTo} onChange={(e) => setForm({ customTo: e.target.value }, { typing: true })} />
        </>
      ) : null}
      <label htmlFor="audit-actor-type">Actor</label>
      <select id="audit-actor-type" value={form.actorType} onChange={(e) => setForm({ actorType: optionOf(auditActorTypes, e.target.value) })}>
        <option value="">Anyone</option>
        {auditActorTypes.map((type) => (
          <option key={type} value={type}>
            {actorTypeLabels[type]}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="audit-actor-name">
        Actor name
      </label>
      <input
        id="audit-actor-name"
        type="text"
        className="audit-input-short"
        placeholder="Actor name"
        list="audit-actor-names"
        value={form.actorName}
        onChange={(e) => setForm({ actorName: e.target.value }, { typing: true })}
      />
      <datalist id="audit-actor-names">
        {suggestions.actors.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <label htmlFor="audit-campaign">Campaign</label>
      <input
        id="audit-campaign"
        type="text"
        className="audit-input-short"
        placeholder="Campaign ID"
        list="audit-campaign-ids"
        value={form.campaignId}
        onChange={(e) => setForm({ campaignId: e.target.value }, { typing: true })}
      />
      <datalist id="audit-campaign-ids">
        {suggestions.campaigns.map(([id, name]) => (
          <option key={id} value={id} label={name} />
        ))}
      </datalist>
      <label htmlFor="audit-outcome">Outcome</label>
      <select id="audit-outcome" value={form.outcome} onChange={(e) => setForm({ outcome: optionOf(auditOutcomes, e.target.value) })}>
        <option value="">Any</option>
        {auditOutcomes.map((outcome) => (
          <option key={outcome} value={outcome}>
            {outcomeStyles[outcome].label}
          </option>
        ))}
      </select>
      <button type="button" className="button button-small" disabled={isUnfiltered(form)} onClick={resetForm}>
        Clear filters
      </button>
    </div>
  );
}
