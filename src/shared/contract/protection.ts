import { z } from 'zod';
import { WorkspaceInfo } from '../domain/workspace';
import { method, None } from './method';

/** How the open workspace is protected, and what this installation can do about it. */
export const ProtectionState = z.object({
  /** The open workspace is encrypted with a passphrase (false when none is open). */
  encrypted: z.boolean(),
  /** Its key is kept in this computer's keychain, so opening it asks no passphrase. */
  remembered: z.boolean(),
  /** Null when the keychain can keep a passphrase safely here; otherwise the sentence why not. */
  rememberUnavailable: z.string().nullable(),
  /** Lock an encrypted workspace after this many idle minutes; null: never. */
  lockAfterMinutes: z.number().int().nullable(),
});
export type ProtectionState = z.infer<typeof ProtectionState>;

/** Idle times offered for locking, in minutes. */
export const LOCK_AFTER_CHOICES = [5, 15, 30, 60] as const;

/** Passphrases: unlocking, remembering and locking an encrypted workspace. */
export const protectionMethods = {
  'protection.get': method({ input: None, output: ProtectionState, doc: 'How the open workspace is protected, and what can be remembered here.' }),
  'protection.unlock': method({
    input: z.object({ passphrase: z.string().min(1, 'Enter the passphrase.').max(1024), remember: z.boolean().optional() }).strict(),
    output: WorkspaceInfo,
    doc: 'Open the encrypted workspace the last open asked a passphrase for (or the one just locked). A wrong passphrase changes nothing.',
  }),
  'protection.lock': method({
    input: None,
    output: z.null(),
    doc: 'Close the open encrypted workspace so that only its passphrase opens it again (after idle time, or when asked).',
  }),
  'protection.setRemember': method({
    input: z.object({ remember: z.boolean() }).strict(),
    output: ProtectionState,
    doc: "Keep the open encrypted workspace's key in this computer's keychain, or forget it. Refused where the keychain is not safe.",
  }),
  'protection.setLockAfter': method({
    input: z.object({ minutes: z.union([z.literal(5), z.literal(15), z.literal(30), z.literal(60)]).nullable() }).strict(),
    output: ProtectionState,
    doc: 'Lock encrypted workspaces after this many idle minutes, or never (null). Kept for this installation.',
  }),
} as const;
