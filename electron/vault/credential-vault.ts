/**
 * Secrets (client secrets, webhook secrets) by reference. Secrets never leave the
 * main process: IPC answers carry only whether a reference is configured.
 */
export interface CredentialVault {
  get(ref: string): Promise<string | null>;
  set(ref: string, secret: string): Promise<void>;
  delete(ref: string): Promise<void>;
  has(ref: string): Promise<boolean>;
}
