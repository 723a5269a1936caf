/** The rules the compliance gate checks, in the order its verdict lists them (the CLI's JSON `rule`). */
export const gateRules = ['FEDERAL_HOURS', 'STATE_HOURS', 'STATE_SUNDAY', 'STATE_HOLIDAY', 'STATE_CALLS_PER_24H', 'DNC_RULE', 'DNC_LIST'] as const;
export type GateRule = (typeof gateRules)[number];
