export * from './campaign-form';
export * from './field-messages';
export * from './reference-check';
export * from './creation';
export * from './licence-message';
export * from './simulation-report';
export * from './simulation-report-schema';
