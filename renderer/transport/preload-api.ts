import type { EventChannelName, RequestChannelName } from '../../shared/ipc/channel-names';
import type { ReplyEnvelope } from '../../shared/ipc/envelope';

/** The object electron/preload.ts exposes on window: one function per contract channel. */
export type PreloadApi = {
  readonly [K in RequestChannelName]: (payload: unknown) => Promise<ReplyEnvelope>;
} & {
  readonly subscribe: (channel: EventChannelName, listener: (payload: unknown) => void) => () => void;
};

export const preloadGlobalName = 'cxoneConsole';
