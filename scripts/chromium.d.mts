export function chromiumPath(): string;
export function missingChromium(): string | null;
