export * from './contract';
export * from './errors';
export * from './client';
export * from './rpc';
export * from './csp';
export * from './exposed';
export * from './journal';
export * from './bill-inbox';
