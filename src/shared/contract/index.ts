export * from './methods';
export * from './events';
export * from '../rpc/result';
