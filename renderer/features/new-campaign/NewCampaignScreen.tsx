import { DefinitionStep } from './DefinitionStep';
import { ReferencesStep } from './ReferencesStep';
import { ReviewStep } from './ReviewStep';
import { SimulateStep } from './SimulateStep';
import { useNewCampaignStore, type WizardStep } from './new-campaign-store';
import { useSimulationStore } from './simulation-store';
import { WizardSteps } from './WizardSteps';

/** Design a campaign: definition → references checked on the tenant → staffing and pacing simulation → create as draft. */
export function NewCampaignScreen() {
  const step = useNewCampaignStore((s) => s.step);
  const referencesPassed = useNewCampaignStore((s) => s.referenceCheck?.passed ?? false);
  const simulated = useSimulationStore((s) => s.result !== null);
  const reachable = (target: WizardStep) =>
    target === 'definition' || target === 'references' || (target === 'simulate' && referencesPassed) || (target === 'review' && referencesPassed && simulated);

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">New campaign</h1>
        <span className="muted">Created as a draft; nothing dials until someone starts it.</span>
      </header>
      <WizardSteps reachable={reachable} />
      {step === 'definition' ? <DefinitionStep /> : null}
      {step === 'references' ? <ReferencesStep /> : null}
      {step === 'simulate' ? <SimulateStep /> : null}
      {step === 'review' ? <ReviewStep /> : null}
    </section>
  );
}
