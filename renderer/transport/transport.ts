import type { ReplyEnvelope } from '../../shared/ipc/envelope';

export type ConnectionState = 'open' | 'connecting' | 'closed';

/** How the renderer reaches main: Electron IPC or the browser host's bridge. */
export interface Transport {
  invoke(channel: string, payload: unknown): Promise<ReplyEnvelope>;
  subscribe(listener: (channel: string, payload: unknown) => void): () => void;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}
