import { reportError } from './host';

export type Listener<T> = (value: T) => void;
/** Stops a subscription; calling it again does nothing. */
export type Dispose = () => void;
/** Subscribes a listener; what an Emitter exposes to its readers. */
export type Event<T> = (listener: Listener<T>) => Dispose;

export interface EmitterOptions {
  /** Where a throwing listener's error goes (default console.error); the other listeners still run. */
  onListenerError?: (error: unknown) => void;
}

/**
 * The one listener set: `event` subscribes, `fire` calls every listener subscribed when it
 * started (a listener removed meanwhile is skipped), and a listener that throws stops
 * neither the others nor the firer.
 */
export class Emitter<T> {
  private readonly listeners = new Set<{ listener: Listener<T> }>();
  private readonly onListenerError: (error: unknown) => void;
  private disposed = false;

  constructor(options: EmitterOptions = {}) {
    this.onListenerError = options.onListenerError ?? ((error) => reportError('A listener failed:', error));
  }

  /** Subscribes `listener`; unbound, so it can be handed out as `onChange` and the like. */
  readonly event: Event<T> = (listener) => {
    if (this.disposed) return () => undefined;
    const entry = { listener };
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  };

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  fire(value: T): void {
    for (const entry of [...this.listeners]) {
      if (!this.listeners.has(entry)) continue;
      try {
        entry.listener(value);
      } catch (error) {
        this.reportListenerError(error);
      }
    }
  }

  /** Drops every listener; later subscriptions are ignored. */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  private reportListenerError(error: unknown): void {
    try {
      this.onListenerError(error);
    } catch {
      // The error reporter itself failed; the firer must still not see it.
    }
  }
}
