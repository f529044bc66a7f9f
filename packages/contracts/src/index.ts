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
// town-hall e-services
export * from './eservices';
export * from './mandates';
// appointments
export * from './appointments';
// moderation
export * from './moderation';
// private conversations (wip/neighbours)
export * from './conversations';
export * from './privacy';
export * from './client';
