import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { RequestHandlers } from '../ipc/handlers';

type AutomationChannel = Extract<keyof RequestHandlers, `automation:${string}`>;

// Scaffolding while the engine is built on its own branch: every channel refuses, saying so.
const notYet = async (): Promise<never> => {
  throw new ConsoleFailure(consoleError('not_available', 'Automation is not built yet.'));
};

export function createAutomationHandlers(): Pick<RequestHandlers, AutomationChannel> {
  return {
    'automation:rules': notYet,
    'automation:setEnabled': notYet,
    'automation:updateSettings': notYet,
    'automation:runOnce': notYet,
    'automation:history': notYet,
    'automation:clearHold': notYet,
    'automation:capacitySeries': notYet,
  };
}
