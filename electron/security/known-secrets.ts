/**
 * Secret values the process has handled (client secrets, webhook signing secrets, access
 * tokens), so every edge (IPC replies, events, audit entries, the CLI's stderr, the request
 * log) can redact them by value: a tenant that echoes a request back must not carry a secret
 * out under a field name nobody thought to filter.
 */
const shortest = 4;
const capacity = 256;
const placeholder = '[redacted]';

/** The ways a secret shows up when echoed: as is, form- or URL-encoded, JSON-escaped. */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1)]);
  return [...forms].filter((form) => form.length >= shortest);
}

export function redactText(text: string, secrets: Iterable<string>): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret.length < shortest) continue;
    for (const form of secretForms(secret)) if (redacted.includes(form)) redacted = redacted.split(form).join(placeholder);
  }
  return redacted;
}

/** Every string inside `value` (keys included) with the secrets replaced; other values as they are. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return redactText(item, secrets);
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) {
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [redactText(key, secrets), walk(inner)]));
    }
    return item;
  };
  return walk(value) as T;
}

export interface SecretRegistry {
  remember(secret: string | null | undefined): void;
  values(): string[];
  redact<T>(value: T): T;
  redactText(text: string): string;
}

export function createSecretRegistry(): SecretRegistry {
  const known = new Set<string>();
  const values = () => [...known];
  return {
    remember(secret) {
      if (!secret || secret.length < shortest) return;
      known.delete(secret);
      known.add(secret);
      // Tokens rotate; the oldest values go first.
      while (known.size > capacity) known.delete(known.values().next().value as string);
    },
    values,
    redact: (value) => redactValue(value, values()),
    redactText: (text) => redactText(text, values()),
  };
}

/** The process's one registry: the vaults, the token source and the CLI feed it; the edges read it. */
export const knownSecrets: SecretRegistry = createSecretRegistry();
