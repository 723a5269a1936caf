import { InvalidArgumentError, type Command } from 'commander';
import { dialerTypes, type DialerType } from '../../../../shared/cxone/schemas';
import type { ConsoleError, Result } from '../../../../shared/errors';
import { recommendDialRatio, simulateDialer, staffing, type DialerInput } from '../../../../shared/simulation/index';
import { exitCodes, type CliCommandModule } from '../cli-context';
import { reportError, writeJson, writeLines, type CliIo } from '../io';
import { formatTable } from '../table';

const numberOption = (flag: string, min: number, max: number) => (raw: string) => {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new InvalidArgumentError(`${flag} takes a number from ${min} to ${max.toLocaleString('en-US')}.`);
  }
  return value;
};

const dialerOption = (raw: string): DialerType => {
  const type = dialerTypes.find((candidate) => candidate === raw.trim().toLowerCase());
  if (!type) throw new InvalidArgumentError(`--dialer must be one of ${dialerTypes.join(', ')}.`);
  return type;
};

const pct = (share: number, digits = 1) => `${(share * 100).toFixed(digits)}%`;
const hours = (value: number | null) => (value === null ? 'not within the time limit' : `${value.toFixed(2)} h`);

/** Inputs the model refuses are usage errors: the message names the flag's field. */
function settle<T>(io: CliIo, result: Result<T, ConsoleError>, print: (value: T) => void): number {
  if (!result.ok) {
    reportError(io, result.error);
    return result.error.kind === 'validation' ? exitCodes.usage : exitCodes.someFailed;
  }
  print(result.value);
  return exitCodes.success;
}

interface StaffingFlags {
  calls: number;
  intervalS: number;
  ahtS: number;
  serviceLevel: number;
  targetS: number;
  maxOccupancy?: number;
  json?: boolean;
}

interface SimulateFlags {
  contacts: number;
  agents: number;
  answerRate: number;
  ahtS: number;
  wrapUpS: number;
  dialer: DialerType;
  dialRatio?: number;
  recommend?: boolean;
  seed: number;
  replications: number;
  hoursPerDay: number;
  json?: boolean;
}

function dialerInputOf(flags: SimulateFlags): DialerInput {
  return {
    contacts: flags.contacts,
    agents: flags.agents,
    dialerType: flags.dialer,
    dialRatio: flags.dialRatio ?? 1,
    answerRate: flags.answerRate,
    ringSecondsMean: 12,
    noAnswerTimeoutSeconds: 25,
    ahtSeconds: flags.ahtS,
    wrapUpSeconds: flags.wrapUpS,
    callingWindowHoursPerDay: flags.hoursPerDay,
    replications: flags.replications,
    seed: flags.seed,
  };
}

/** `cxone-console staffing …` (Erlang C) and `cxone-console simulate …` (the dialer Monte Carlo model); no tenant needed. */
export const simulationCommands: CliCommandModule = {
  register(program: Command, context, run) {
    program
      .command('staffing')
      .description('Agents needed for a service level (Erlang C), with traffic, probability of waiting, service level, ASA and occupancy')
      .requiredOption('--calls <n>', 'calls offered in the interval', numberOption('--calls', 0, 10_000_000))
      .requiredOption('--interval-s <seconds>', 'interval length in seconds, e.g. 1800', numberOption('--interval-s', 1, 604_800))
      .requiredOption('--aht-s <seconds>', 'average handle time in seconds (talk + wrap-up)', numberOption('--aht-s', 1, 14_400))
      .option('--service-level <share>', 'share of calls to answer within --target-s, e.g. 0.8', numberOption('--service-level', 0, 1), 0.8)
      .option('--target-s <seconds>', 'answer within this many seconds', numberOption('--target-s', 0, 3600), 20)
      .option('--max-occupancy <share>', 'cap agent occupancy, e.g. 0.85', numberOption('--max-occupancy', 0, 1))
      .option('--json', 'print one JSON document')
      .action(
        run(async (flags: StaffingFlags) =>
          settle(
            context.io,
            staffing({
              calls: flags.calls,
              intervalSeconds: flags.intervalS,
              ahtSeconds: flags.ahtS,
              serviceLevelTarget: flags.serviceLevel,
              targetAnswerSeconds: flags.targetS,
              ...(flags.maxOccupancy === undefined ? {} : { maxOccupancy: flags.maxOccupancy }),
            }),
            (result) => {
              if (flags.json) {
                writeJson(context.io, result);
                return;
              }
              writeLines(context.io, [
                `Agents needed            ${result.agents}`,
                `Traffic                  ${result.trafficErlangs.toFixed(3)} Erlangs`,
                `Probability of waiting   ${pct(result.probabilityOfWaiting)}`,
                `Service level achieved   ${pct(result.serviceLevel)} within ${flags.targetS} s (target ${pct(flags.serviceLevel, 0)})`,
                `Average speed of answer  ${result.averageSpeedOfAnswerSeconds.toFixed(1)} s`,
                `Occupancy                ${pct(result.occupancy)}`,
              ]);
            },
          ),
        ),
      );

    program
      .command('simulate')
      .description(
        'Monte Carlo model of the outbound dialer: abandonment, occupancy and list completion; --recommend sweeps the dial ratio against the 3% rule',
      )
      .requiredOption('--contacts <n>', 'records to dial', numberOption('--contacts', 1, 5_000_000))
      .requiredOption('--agents <n>', 'agents on the campaign', numberOption('--agents', 1, 5_000))
      .requiredOption('--answer-rate <share>', 'share of dials a person answers, e.g. 0.3', numberOption('--answer-rate', 0, 1))
      .requiredOption('--aht-s <seconds>', 'mean talk time of a connected call', numberOption('--aht-s', 1, 14_400))
      .option('--wrap-up-s <seconds>', 'wrap-up after each call', numberOption('--wrap-up-s', 0, 3600), 30)
      .option('--dialer <type>', `dialer type (${dialerTypes.join(', ')})`, dialerOption, 'predictive' as DialerType)
      .option('--dial-ratio <ratio>', 'lines per free agent (predictive and power)', numberOption('--dial-ratio', 1, 10))
      .option('--recommend', 'sweep dial ratios 1.0–3.0 and recommend the highest that keeps abandonment under 3% of answered calls')
      .option('--seed <n>', 'random seed; the same seed gives the same figures', numberOption('--seed', 0, 0xffff_ffff), 1)
      .option('--replications <n>', 'independent runs averaged', numberOption('--replications', 2, 10_000), 200)
      .option('--hours-per-day <hours>', 'calling hours per day, to turn hours into days', numberOption('--hours-per-day', 0.5, 24), 8)
      .option('--json', 'print one JSON document')
      .action(
        run(async (flags: SimulateFlags) => {
          if (flags.recommend && flags.dialRatio !== undefined) {
            context.io.stderr('cxone-console: give either --dial-ratio or --recommend, not both.\n');
            return exitCodes.usage;
          }
          if (flags.recommend) {
            return settle(context.io, recommendDialRatio(dialerInputOf(flags)), (result) => {
              if (flags.json) {
                writeJson(context.io, result);
                return;
              }
              const paced = result.comparison.atRecommendedRatio;
              writeLines(context.io, [
                result.recommendedRatio === null
                  ? `No ${result.dialerType} dial ratio keeps abandonment under ${pct(result.maxAbandonment, 0)}; dial progressive.`
                  : `Recommended ${result.dialerType} dial ratio ${result.recommendedRatio.toFixed(1)}: abandonment ${pct(paced?.abandonmentRate ?? 0, 2)} (95% upper ${pct(paced?.abandonmentCi95[1] ?? 0, 2)}) of answered calls, limit ${pct(result.maxAbandonment, 0)}.`,
                '',
                ...formatTable(result.sweep, [
                  { title: 'RATIO', value: (p) => p.ratio.toFixed(1), align: 'right' },
                  { title: 'ABANDONED', value: (p) => pct(p.abandonmentRate, 2), align: 'right' },
                  { title: '95% UPPER', value: (p) => pct(p.ci[1], 2), align: 'right' },
                  { title: 'OCCUPANCY', value: (p) => pct(p.occupancy), align: 'right' },
                  { title: 'RECORDS/H', value: (p) => p.contactsPerHour.toFixed(0), align: 'right' },
                  {
                    title: '',
                    value: (p) => (p.ratio === result.recommendedRatio ? '← recommended' : p.ci[1] >= result.maxAbandonment ? 'over the limit' : ''),
                  },
                ]),
                '',
                ...formatTable(
                  [result.comparison.progressive, ...(paced ? [paced] : [])],
                  [
                    { title: 'PACING', value: (o) => (o.dialerType === 'progressive' ? 'progressive' : `${o.dialerType} ${o.dialRatio.toFixed(1)}`) },
                    { title: 'ABANDONED', value: (o) => pct(o.abandonmentRate, 2), align: 'right' },
                    { title: 'OCCUPANCY', value: (o) => pct(o.agentOccupancy), align: 'right' },
                    { title: 'RECORDS/H', value: (o) => o.contactsPerHour.toFixed(0), align: 'right' },
                    { title: 'LIST DONE IN', value: (o) => hours(o.hoursToCompleteList), align: 'right' },
                  ],
                ),
              ]);
            });
          }
          return settle(context.io, simulateDialer(dialerInputOf(flags)), (result) => {
            if (flags.json) {
              writeJson(context.io, result);
              return;
            }
            writeLines(context.io, [
              `Dialer                   ${result.settings.dialerType}${result.settings.dialerType === 'predictive' || result.settings.dialerType === 'power' ? ` at ${result.settings.dialRatio} lines per free agent` : ''}`,
              `Abandoned                ${pct(result.abandonmentRate, 2)} of answered calls (95% CI ${pct(result.abandonmentCi95[0], 2)}–${pct(result.abandonmentCi95[1], 2)})${result.abandonmentCi95[1] >= 0.03 ? ' — may break the 3% rule' : ''}`,
              `Agent occupancy          ${pct(result.agentOccupancy)}`,
              `Records per hour         ${result.contactsPerHour.toFixed(0)}`,
              `Connects per hour        ${result.connectsPerHour.toFixed(0)}`,
              `List done in             ${hours(result.hoursToCompleteList)}${result.daysToCompleteList === null ? '' : ` (${result.daysToCompleteList.toFixed(1)} calling days)`}`,
              `Replications, seed       ${result.replications}, ${result.settings.seed}`,
            ]);
          });
        }),
      );
  },
};
