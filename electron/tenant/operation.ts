/** What one tenant call is, in words a person reads in an error message. */
export interface TenantOperation {
  /** Verb phrase: "list campaigns", "pause campaign c-12". */
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Contract path, without base URL or prefix. */
  path: string;
  /** The scope the contract requires for this call, named when the tenant refuses it. */
  scope?: string;
  /** The thing the call is about ("campaign c-12"), named when it does not exist. */
  resource?: string;
}

export const targetOf = (operation: TenantOperation) => `${operation.method} ${operation.path}`;
