export * from './locale';
export * from './time-zone';
export * from './limits';
export * from './error-code';
export * from './permission';
