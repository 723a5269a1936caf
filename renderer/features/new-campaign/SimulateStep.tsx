import { useEffect } from 'react';
import { FormField, numberValue, parseNumberInput } from './form-fields';
import { useNewCampaignStore } from './new-campaign-store';
import type { SimulationRequest } from './simulation-protocol';
import { useSimulationStore } from './simulation-store';
import { AbandonmentChart, CompletionChart, OccupancyChart } from './SimulationCharts';
import { SimulationSummaryTables } from './SimulationSummaryTables';

interface InputSpec {
  name: keyof SimulationRequest;
  label: string;
  /** Shown and typed in percent, kept as a share. */
  percent?: boolean;
  min: number;
  max: number;
  step?: number;
}

const inputSpecs: readonly InputSpec[] = [
  { name: 'contacts', label: 'Contacts to dial', min: 1, max: 1_000_000 },
  { name: 'agents', label: 'Agents', min: 1, max: 2_000 },
  { name: 'answerRate', label: 'Answer rate (%)', percent: true, min: 1, max: 100, step: 0.5 },
  { name: 'talkSeconds', label: 'Talk time (s)', min: 1, max: 7_200 },
  { name: 'wrapUpSeconds', label: 'Wrap-up (s)', min: 0, max: 3_600 },
  { name: 'callingHoursPerDay', label: 'Calling hours per day', min: 1, max: 24, step: 0.5 },
  { name: 'maxCallsPerHour', label: 'Max calls per hour', min: 1, max: 100_000 },
  { name: 'serviceLevel', label: 'Service level target (%)', percent: true, min: 1, max: 99.9, step: 0.5 },
  { name: 'targetSeconds', label: 'Answer within (s)', min: 1, max: 600 },
  { name: 'replications', label: 'Replications', min: 2, max: 2_000 },
  { name: 'seed', label: 'Seed', min: 0, max: 2 ** 31 - 1 },
];

function invalidMessage(spec: InputSpec, value: number): string | undefined {
  const shown = spec.percent ? value * 100 : value;
  if (!Number.isFinite(shown)) return 'Enter a number';
  if (shown < spec.min || shown > spec.max) return `Between ${spec.min} and ${spec.max.toLocaleString('en-US')}`;
  if (!spec.percent && spec.step === undefined && !Number.isInteger(shown)) return 'Enter a whole number';
  return undefined;
}

/** Step 3: Erlang C staffing and the dialer Monte Carlo, run in a worker with progress and Cancel. */
export function SimulateStep() {
  const form = useNewCampaignStore((s) => s.form);
  const contactList = useNewCampaignStore((s) => s.referenceCheck?.contactList ?? null);
  const goTo = useNewCampaignStore((s) => s.goTo);
  const next = useNewCampaignStore((s) => s.next);
  const { inputs, running, progress, result, error, cancelled, prepare, setInput, run, cancel } = useSimulationStore((s) => s);

  useEffect(() => {
    prepare({
      contacts: contactList?.recordCount ?? 10_000,
      agents: form.agentAllocation,
      answerRate: 0.3,
      talkSeconds: 180,
      wrapUpSeconds: 30,
      callingHoursPerDay: 8,
      maxCallsPerHour: form.maxCallsPerHour,
      serviceLevel: 0.8,
      targetSeconds: 20,
      replications: 200,
      seed: 42,
    });
  }, [prepare, contactList, form.agentAllocation, form.maxCallsPerHour]);

  if (!inputs) return null;
  const messages = Object.fromEntries(inputSpecs.map((spec) => [spec.name, invalidMessage(spec, inputs[spec.name])]));
  const valid = Object.values(messages).every((message) => message === undefined);

  return (
    <section className="nc-step" aria-labelledby="nc-simulate-title">
      <h2 id="nc-simulate-title">Simulate staffing and pacing</h2>
      <form
        className="panel"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) void run();
        }}
      >
        <div className="nc-sim-inputs">
          {inputSpecs.map((spec) => (
            <FormField key={spec.name} id={`nc-sim-${spec.name}`} label={spec.label} message={messages[spec.name]}>
              {(describedBy, invalid) => (
                <input
                  id={`nc-sim-${spec.name}`}
                  type="number"
                  className="num"
                  step={spec.step ?? 1}
                  value={numberValue(spec.percent ? Math.round(inputs[spec.name] * 1000) / 10 : inputs[spec.name])}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  disabled={running}
                  onChange={(e) => {
                    const typed = parseNumberInput(e.target.value);
                    setInput(spec.name, spec.percent ? typed / 100 : typed);
                  }}
                />
              )}
            </FormField>
          ))}
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={running || !valid}>
            {result ? 'Run again' : 'Run simulation'}
          </button>
          {running ? (
            <button type="button" className="button" onClick={cancel}>
              Cancel
            </button>
          ) : null}
          {running ? (
            <span className="nc-progress" role="status">
              <progress max={progress?.total ?? 1} value={progress?.done ?? 0} aria-label="Simulation progress" />
              {progress ? `${progress.stage}: ${progress.done} of ${progress.total}` : 'Starting…'}
            </span>
          ) : null}
          {cancelled && !running ? (
            <span role="status" className="muted">
              Cancelled; nothing was kept. Run it again when ready.
            </span>
          ) : null}
        </div>
      </form>
      {error ? (
        <div className="notice notice-danger" role="alert">
          {error} Check the inputs and run it again.
        </div>
      ) : null}
      {result ? (
        <>
          <SimulationSummaryTables report={result} />
          <div className="nc-charts">
            <AbandonmentChart report={result} />
            <OccupancyChart report={result} />
            <CompletionChart report={result} />
          </div>
        </>
      ) : null}
      <div className="actions">
        <button type="button" className="button" disabled={running} onClick={() => goTo('references')}>
          Back
        </button>
        <button type="button" className="button button-primary" disabled={!result || running} onClick={next}>
          Next: review
        </button>
      </div>
    </section>
  );
}
