import type { z } from 'zod';
import { agreementMethods } from './agreement';
import { analysisMethods } from './analysis';
import { refiMethods } from './refi';
import { appMethods } from './app';
import { backupMethods } from './backups';
import { protectionMethods } from './protection';
import { recoveryMethods } from './recovery';
import { engagementMethods } from './engagements';
import { engagementTypeMethods } from './engagementTypes';
import { attachmentMethods } from './attachments';
import { attributeMethods } from './attributes';
import { codebookMethods } from './codebook';
import { importMethods } from './imports';
import { findingMethods } from './findings';
import { historyMethods } from './history';
import { matrixMethods } from './matrix';
import { mergeMethods } from './merge';
import { noteMethods } from './notes';
import { participantMethods } from './participants';
import { passageMethods } from './passages';
import { recommendationMethods } from './recommendations';
import { reportMethods } from './report';
import { searchMethods } from './search';
import { speakerMethods } from './speakers';
import { themeMethods } from './themes';
import { reviewerMethods } from './reviewer';
import { uploadMethods } from './uploads';
import { workspaceMethods } from './workspace';

export { AppInfo } from './app';

/**
 * Every call the renderer can make of the core, one file per namespace (`themes.*` in themes.ts). The
 * shell and the loopback host both dispatch through this map, so the two can
 * never drift apart.
 */
export const methods = {
  ...appMethods,
  ...reviewerMethods,
  ...workspaceMethods,
  ...engagementMethods,
  ...engagementTypeMethods,
  ...participantMethods,
  ...attributeMethods,
  ...noteMethods,
  ...speakerMethods,
  ...uploadMethods,
  ...importMethods,
  ...attachmentMethods,
  ...themeMethods,
  ...codebookMethods,
  ...passageMethods,
  ...searchMethods,
  ...analysisMethods,
  ...findingMethods,
  ...recommendationMethods,
  ...matrixMethods,
  ...reportMethods,
  ...agreementMethods,
  ...mergeMethods,
  ...historyMethods,
  ...refiMethods,
  ...protectionMethods,
  ...recoveryMethods,
  ...backupMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
/**
 * What a handler is given: the method's input as its schema parsed it (strings trimmed, defaults filled in).
 * A service that takes a method's input takes this type, never a copy of its fields
 * (`serviceInputs.test.ts` finds copies).
 */
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;

export const methodNames = Object.keys(methods) as MethodName[];
export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.hasOwn(methods, name);
