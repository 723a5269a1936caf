export * from './schemas';
export * from './erlang-c';
export * from './dialer-model';
export * from './dialer-sweeps';
export * from './steps';
export * from './bench';
export type { Estimate } from './statistics';
export type { CompletionPoint } from './completion-histogram';
export { mulberry32, mixSeed, type Random } from './random';
