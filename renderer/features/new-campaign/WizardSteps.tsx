import { useNewCampaignStore, wizardSteps, type WizardStep } from './new-campaign-store';

/** The step list; a step opens once everything before it is done. */
export function WizardSteps({ reachable }: { reachable: (step: WizardStep) => boolean }) {
  const step = useNewCampaignStore((s) => s.step);
  const goTo = useNewCampaignStore((s) => s.goTo);
  const currentIndex = wizardSteps.findIndex((s) => s.id === step);
  return (
    <nav aria-label="New campaign steps">
      <ol className="nc-steps">
        {wizardSteps.map((s, index) => (
          <li key={s.id} className={index === currentIndex ? 'nc-step-current' : index < currentIndex ? 'nc-step-done' : undefined}>
            <button
              type="button"
              className="nc-step-button"
              aria-current={index === currentIndex ? 'step' : undefined}
              disabled={!reachable(s.id)}
              onClick={() => goTo(s.id)}
            >
              <span className="nc-step-number">{index + 1}</span> {s.label}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
