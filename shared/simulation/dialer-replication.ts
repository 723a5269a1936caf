import type { CompletionHistogram } from './completion-histogram';
import { handleTimeSampler, truncatedExponential } from './distributions';
import { EventHeap } from './event-heap';
import { mixSeed, mulberry32, type Random } from './random';
import type { DialerSettings } from './schemas';

/** What one replication measured. */
export type ReplicationOutcome = {
  finished: boolean;
  /** Calling seconds until the last contact was worked, or the time limit when not finished. */
  elapsedSeconds: number;
  completed: number;
  answered: number;
  abandoned: number;
  connected: number;
  /** Agent seconds spent previewing, talking and wrapping up. */
  busySeconds: number;
};

// Event kinds, packed with the contact index as (contact << 3) | kind.
const ringEnd = 0;
const abandonCheck = 1;
const talkEnd = 2;
const wrapEnd = 3;
const previewEnd = 4;

// Contact states.
const pending = 0;
const ringing = 1;
const waiting = 2;
const talking = 3;
const wrapping = 4;
const done = 5;

const noAnswer = -1;

/**
 * One outbound dialer run over the whole list, as a discrete-event simulation.
 *
 * Model (documented choices):
 * - Contacts are dialled once each, in list order. A contact answers with probability
 *   answerRate after an exponential ring time (mean ringSecondsMean, conditioned below
 *   the timeout); otherwise the line rings out at noAnswerTimeoutSeconds.
 * - A connected call holds an agent for its talk time (lognormal or gamma, mean
 *   ahtSeconds, given CV) plus wrapUpSeconds; the contact is worked when wrap-up ends.
 * - An answered call that finds no free agent waits; if none frees up within
 *   abandonThresholdSeconds it is abandoned. Waiting calls are served oldest first.
 * - Pacing is re-evaluated after every event. Lines in use = ringing + waiting calls.
 *   progressive: lines ≤ free agents, so every answer has an agent (no abandonment).
 *   preview: a free agent previews the next record for previewSeconds, then dials it.
 *   power: lines ≤ dialRatio × free agents.
 *   predictive: lines ≤ dialRatio × (free agents + agents whose wrap-up ends within
 *   ringSecondsMean), i.e. it also dials for agents it expects back before an answer.
 *   Fractional targets are dithered: floor(ratio × base + u), with u redrawn whenever
 *   the base changes, so the mean target is exactly ratio × base.
 * - Contact attributes come from their own stream seeded by (seed, replication), so
 *   runs that differ only in agents, ratio or dialer type see the same contacts
 *   (common random numbers: comparisons between settings are much less noisy).
 *
 * The instance keeps its buffers between replications; nothing is allocated per event.
 */
export class DialerReplication {
  private ownDraws: ContactDraws | null = null;
  private readonly state: Uint8Array;
  private readonly waitingQueue: Int32Array;
  private readonly wrapEnds: Float64Array;
  private readonly heap: EventHeap;

  constructor(private readonly settings: DialerSettings) {
    this.state = new Uint8Array(settings.contacts);
    this.waitingQueue = new Int32Array(settings.contacts);
    this.wrapEnds = new Float64Array(settings.agents);
    this.heap = new EventHeap(Math.min(settings.contacts, 4 * settings.agents * Math.ceil(settings.dialRatio)) + 64);
  }

  /** Runs replication `replication` with its own draw of the contacts. */
  run(replication: number, completions: CompletionHistogram): ReplicationOutcome {
    this.ownDraws ??= new ContactDraws(this.settings);
    return this.runWith(this.ownDraws.draw(replication), completions);
  }

  /**
   * Runs the replication the draws were made for. Settings that differ only in agents,
   * ratio or dialer type can share one draw (see ContactDraws.fits).
   */
  runWith(draws: ContactDraws, completions: CompletionHistogram): ReplicationOutcome {
    const s = this.settings;
    const replication = draws.replication;
    const { answerAfter, talkSeconds } = draws;
    const { state, waitingQueue, wrapEnds, heap } = this;
    const contacts = s.contacts;
    const agents = s.agents;
    const dialerType = s.dialerType;
    const ratio = dialerType === 'power' || dialerType === 'predictive' ? s.dialRatio : 1;
    const wrapSeconds = s.wrapUpSeconds;
    const previewSeconds = s.previewSeconds;
    const threshold = s.abandonThresholdSeconds;
    const timeout = s.noAnswerTimeoutSeconds;
    const horizon = s.ringSecondsMean;
    const limit = s.maxSimulatedHours === undefined ? Number.POSITIVE_INFINITY : s.maxSimulatedHours * 3600;
    const isPreview = dialerType === 'preview';
    const isPredictive = dialerType === 'predictive';

    const pacingRandom = mulberry32(mixSeed(s.seed, replication, 2));
    state.fill(pending);
    heap.clear();

    let next = 0;
    let free = agents;
    let lines = 0;
    let waitingCount = 0;
    let queueHead = 0;
    let queueTail = 0;
    let wrapHead = 0;
    let wrapCount = 0;
    let ditherBase = -1;
    let dither = 0;
    let completed = 0;
    let answered = 0;
    let abandoned = 0;
    let connected = 0;
    let busySeconds = 0;
    let lastCompletion = 0;

    const complete = (contact: number, time: number) => {
      state[contact] = done;
      completed++;
      lastCompletion = time;
      completions.add(time);
    };
    const dial = (contact: number, time: number) => {
      state[contact] = ringing;
      lines++;
      const after = answerAfter[contact] as number;
      heap.push(time + (after === noAnswer ? timeout : after), (contact << 3) | ringEnd);
    };
    const connect = (contact: number, time: number) => {
      free--;
      connected++;
      state[contact] = talking;
      heap.push(time + (talkSeconds[contact] as number), (contact << 3) | talkEnd);
    };
    const pace = (time: number) => {
      if (isPreview) {
        while (free > lines && next < contacts) {
          free--;
          heap.push(time + previewSeconds, (next++ << 3) | previewEnd);
        }
        return;
      }
      let base = free;
      if (isPredictive) {
        for (let k = 0; k < wrapCount; k++) {
          if ((wrapEnds[(wrapHead + k) % agents] as number) > time + horizon) break;
          base++;
        }
      }
      if (base !== ditherBase) {
        ditherBase = base;
        dither = pacingRandom();
      }
      const target = ratio === 1 ? base : Math.floor(ratio * base + dither);
      while (lines + waitingCount < target && next < contacts) dial(next++, time);
    };

    pace(0);
    while (heap.size > 0) {
      const time = heap.peekTime();
      if (time > limit) break;
      const code = heap.peekCode();
      heap.pop();
      const contact = code >> 3;
      switch (code & 7) {
        case ringEnd:
          lines--;
          if ((answerAfter[contact] as number) === noAnswer) {
            complete(contact, time);
          } else {
            answered++;
            if (free > 0) {
              connect(contact, time);
            } else {
              state[contact] = waiting;
              waitingCount++;
              waitingQueue[queueTail++] = contact;
              heap.push(time + threshold, (contact << 3) | abandonCheck);
            }
          }
          break;
        case abandonCheck:
          if (state[contact] === waiting) {
            waitingCount--;
            abandoned++;
            complete(contact, time);
          }
          break;
        case talkEnd:
          busySeconds += talkSeconds[contact] as number;
          state[contact] = wrapping;
          heap.push(time + wrapSeconds, (contact << 3) | wrapEnd);
          if (isPredictive) wrapEnds[(wrapHead + wrapCount++) % agents] = time + wrapSeconds;
          break;
        case wrapEnd: {
          busySeconds += wrapSeconds;
          complete(contact, time);
          if (isPredictive) {
            wrapHead = (wrapHead + 1) % agents;
            wrapCount--;
          }
          free++;
          while (queueHead < queueTail) {
            const oldest = waitingQueue[queueHead++] as number;
            if (state[oldest] === waiting) {
              waitingCount--;
              connect(oldest, time);
              break;
            }
          }
          break;
        }
        case previewEnd:
          busySeconds += previewSeconds;
          free++;
          dial(contact, time);
          break;
      }
      pace(time);
    }

    const finished = completed === contacts;
    return {
      finished,
      elapsedSeconds: finished ? lastCompletion : limit,
      completed,
      answered,
      abandoned,
      connected,
      busySeconds,
    };
  }
}

/** The settings that decide a replication's contacts; settings equal in these see the same contacts. */
const populationFields = [
  'seed',
  'contacts',
  'answerRate',
  'ringSecondsMean',
  'noAnswerTimeoutSeconds',
  'ahtSeconds',
  'handleTimeCv',
  'handleTimeDistribution',
] as const;

/**
 * The contacts of one replication (answer delay or no answer, talk time), drawn from
 * their own stream seeded by (seed, replication): the common random numbers that make
 * settings comparable, drawn once and shared by every setting of the same list.
 */
export class ContactDraws {
  readonly answerAfter: Float64Array;
  readonly talkSeconds: Float64Array;
  private drawn = -1;
  private readonly sampleHandleTime: (random: Random) => number;

  constructor(private readonly settings: DialerSettings) {
    this.answerAfter = new Float64Array(settings.contacts);
    this.talkSeconds = new Float64Array(settings.contacts);
    this.sampleHandleTime = handleTimeSampler(settings.handleTimeDistribution, settings.ahtSeconds, settings.handleTimeCv);
  }

  /** The replication the arrays hold (−1 before the first draw). */
  get replication(): number {
    return this.drawn;
  }

  /** True when `other` would draw exactly these contacts. */
  fits(other: DialerSettings): boolean {
    return populationFields.every((field) => this.settings[field] === other[field]);
  }

  draw(replication: number): this {
    if (replication === this.drawn) return this;
    const random = mulberry32(mixSeed(this.settings.seed, replication, 1));
    const { answerRate, ringSecondsMean, noAnswerTimeoutSeconds, contacts } = this.settings;
    for (let contact = 0; contact < contacts; contact++) {
      if (random() < answerRate) {
        this.answerAfter[contact] = truncatedExponential(random, ringSecondsMean, noAnswerTimeoutSeconds);
        this.talkSeconds[contact] = this.sampleHandleTime(random);
      } else {
        this.answerAfter[contact] = noAnswer;
      }
    }
    this.drawn = replication;
    return this;
  }
}
