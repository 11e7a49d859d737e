import { z } from 'zod';
import { Engagement, NewEngagement } from '../domain/engagement';
import { Reviewer, ReviewerInput } from '../domain/reviewer';
import { FilePath, RecentWorkspace, WorkspaceInfo } from '../domain/workspace';

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** One line: what the method does, for the person reading the contract. */
  doc: string;
}

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;

const None = z.object({}).strict();

export const AppInfo = z.object({
  version: z.string(),
  /** Electron shows native file dialogs; the loopback host asks for a path in the page. */
  nativeDialogs: z.boolean(),
  /** Where a new workspace is suggested when no dialog is available. */
  defaultFolder: z.string(),
  host: z.enum(['electron', 'loopback']),
});
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * Every call the renderer can make of the core. The shell and the loopback
 * host both dispatch through this map, so the two can never drift apart.
 */
export const methods = {
  'app.info': method({ input: None, output: AppInfo, doc: 'Version and host capabilities.' }),

  'reviewer.get': method({
    input: None,
    output: Reviewer.nullable(),
    doc: 'The reviewer using this installation, or null on first run.',
  }),
  'reviewer.set': method({
    input: ReviewerInput.strict(),
    output: Reviewer,
    doc: 'Set the name and initials recorded on everything this reviewer creates.',
  }),

  'workspace.recent': method({
    input: None,
    output: z.array(RecentWorkspace),
    doc: 'Recently opened workspaces, newest first.',
  }),
  'workspace.forget': method({
    input: z.object({ path: FilePath }).strict(),
    output: z.null(),
    doc: 'Remove a workspace from the recent list (the file is not touched).',
  }),
  'workspace.create': method({
    input: z
      .object({ path: FilePath, name: z.string().trim().min(1, 'Name the workspace.').max(200) })
      .strict(),
    output: WorkspaceInfo,
    doc: 'Create a new workspace file and open it.',
  }),
  'workspace.open': method({
    input: z.object({ path: FilePath }).strict(),
    output: WorkspaceInfo,
    doc: 'Open an existing workspace file, checking it first.',
  }),
  'workspace.current': method({
    input: None,
    output: WorkspaceInfo.nullable(),
    doc: 'The workspace open in this window, if any.',
  }),
  'workspace.close': method({ input: None, output: z.null(), doc: 'Close the open workspace.' }),

  'dialog.chooseNewWorkspace': method({
    input: z.object({ suggestedName: z.string().max(200) }).strict(),
    output: z.string().nullable(),
    doc: 'Ask where to save a new workspace; null if the person cancelled.',
  }),
  'dialog.chooseWorkspace': method({
    input: None,
    output: z.string().nullable(),
    doc: 'Ask which workspace to open; null if the person cancelled.',
  }),

  'engagements.list': method({
    input: None,
    output: z.array(Engagement),
    doc: 'Every engagement in the open workspace, newest date first.',
  }),
  'engagements.create': method({
    input: NewEngagement.strict(),
    output: Engagement,
    doc: 'Record a new engagement.',
  }),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];
export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.hasOwn(methods, name);
