/**
 * The store layer: the only code that speaks SQL to the workspace's tables.
 *
 * A store module owns one table (or a close family, such as engagements and
 * their types). It holds the table's row type, its column list, the mapper
 * from row to domain type, the `require…` lookups (one message each, so "that
 * engagement no longer exists" is said one way), the bulk reads other parts
 * need, and every write. Services combine store modules and hold the rules;
 * handlers call services. Because every write of a table passes through its
 * module, a later change log, tombstones or encryption have one place to hook
 * in.
 *
 * Modules are plain functions taking the `Database` handle first, so a
 * service can run several of them inside one `db.transaction`.
 *
 * `store.boundary.test.ts` enforces it: no file outside `store/` (and the
 * schema code in `db/`) names a table in SQL, and each table is written by
 * one store module only. A new table gets its `store/<table>.ts` from the start.
 */
export * as engagementStore from './engagements';
export * as noteStore from './notes';
export * as passageStore from './passages';
export * as themeStore from './themes';
export * as participantStore from './participants';
export * as participantAttributeStore from './participantAttributes';
export * as attachmentStore from './attachments';
export * as reviewerStore from './reviewers';
export * as workspaceMetaStore from './workspaceMeta';
export * as searchStore from './search';
export * as findingStore from './findings';
export * as recommendationStore from './recommendations';
export * as matrixSummaryStore from './matrixSummaries';
export * as analysisCounts from './analysisCounts';
export * as analysisIndexStore from './analysisIndex';
export * as changeLog from './changeLog';
export { likeAnywhere, likeClause } from './sql';
