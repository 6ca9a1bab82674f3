export * from './issue/issue-status';
export * from './issue/issue-event-type';
export * from './issue/issue-state-machine';
export * from './routing/routing-rule-matcher';
export * from './time/iso-duration';
export * from './time/working-calendar';
export * from './time/deadline-calculator';
