// @palier/contracts: every shape that crosses the wire, declared once.
export * from './problems';
export * from './pagination';
export * from './places';
export * from './auth';
export * from './tenants';
export * from './staff';
export * from './notices';
export * from './calls';
export * from './realtime';
export * from './handoffs';
export * from './reports';
export * from './feed';
// moderation
export * from './moderation';
// private conversations (wip/neighbours)
export * from './conversations';
export * from './client';
