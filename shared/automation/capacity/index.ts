export * from './available-agents';
export * from './agent-limit';
export * from './simulation-limit';
export * from './capacity-memory';
export * from './capacity-plan';
