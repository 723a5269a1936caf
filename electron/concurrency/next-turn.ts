/** Resolves on the event loop's next turn, after pending I/O callbacks: what was started before it gets to send first. */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
