import type { RuleHold } from '../../../shared/automation/automation-rules';
import { readableReason, zonedTime, type Tone } from './automation-format';

/** A held campaign as a lead reads it: who holds it in which state (a short label and its detail), and what happens next. */
export interface HoldWords {
  label: string;
  tone: Tone;
  detail: string;
  next: string;
}

const alertsOf = (hold: RuleHold) => (hold.region ? `the ${hold.region} alerts` : 'its alerts');
const holdDown = (hold: RuleHold) => (hold.holdDownMinutes === undefined ? 'the hold-down passes' : `${hold.holdDownMinutes} min pass`);

/** Plain words for each state a rule holds a campaign in; a hold without a state (an older build's) keeps its own sentence. */
export function holdWords(hold: RuleHold, now = Date.now()): HoldWords {
  switch (hold.state) {
    case 'paused-by-rule':
      return {
        label: 'Paused by this rule',
        tone: 'info',
        detail: `severe weather in ${hold.region ?? 'its area'}`,
        next: `Resumes once ${alertsOf(hold)} end and ${holdDown(hold)}`,
      };
    case 'waiting-hold-down':
      return {
        label: 'Paused by this rule',
        tone: 'info',
        detail: `waiting hold-down until ${zonedTime(hold.until, now)}`,
        next: `Resumes at ${zonedTime(hold.until, now)} unless an alert returns`,
      };
    case 'resumed-by-person':
      return {
        label: 'Resumed by a person',
        tone: 'neutral',
        detail: 'not paused again until the alert ends',
        next: hold.until
          ? `Left running; an alert after ${zonedTime(hold.until, now)} pauses it again`
          : `Left running until ${alertsOf(hold)} end and ${holdDown(hold)}`,
      };
    case 'limit-by-person':
      return {
        label: 'Limit set by a person',
        tone: 'neutral',
        detail: hold.personValue === undefined ? 'left alone' : `${hold.personValue}, left alone`,
        next: 'Paced again once the override is cleared',
      };
    default:
      return { label: 'Held', tone: 'neutral', detail: readableReason(hold.what, now), next: '' };
  }
}
