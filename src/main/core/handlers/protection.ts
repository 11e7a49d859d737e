import type { protectionMethods, ProtectionState } from '../../../shared/contract/protection';
import { FieldnotesError } from '../../../shared/rpc/result';
import { keyForFile } from '../workspace/encryption';
import { nothingRefused } from '../workspace/recovery';
import type { DomainHandlers, HandlerContext } from './context';

export function protectionHandlers(ctx: HandlerContext): DomainHandlers<typeof protectionMethods> {
  const { session, settings } = ctx;
  const { keychain } = ctx.opener;
  const state = (): ProtectionState => {
    const workspace = session.workspace;
    const encrypted = workspace?.encrypted() ?? false;
    return {
      encrypted,
      remembered: Boolean(workspace && encrypted && keychain.recall(workspace.path)),
      rememberUnavailable: keychain.unavailableBecause(),
      lockAfterMinutes: settings.lockAfterMinutes(),
    };
  };
  return {
    'protection.get': state,
    'protection.unlock': async ({ passphrase, remember }) => {
      const refused = session.refused;
      if (!refused || (refused.code !== 'PASSPHRASE_NEEDED' && refused.code !== 'WRONG_PASSPHRASE')) throw nothingRefused();
      // Refuse before the slow key derivation, and before the file is opened, when remembering cannot be kept.
      const why = remember ? keychain.unavailableBecause() : null;
      if (why) throw new FieldnotesError('UNAVAILABLE', why);
      const key = await keyForFile(refused.path, passphrase);
      const info = ctx.opener.withKey(refused.path, key);
      if (remember) keychain.remember(refused.path, key);
      return info;
    },
    'protection.lock': () => {
      const workspace = ctx.requireWorkspace();
      if (!workspace.encrypted()) {
        throw new FieldnotesError('UNAVAILABLE', 'This workspace has no passphrase, so locking it would not keep anyone out. Set a passphrase first.');
      }
      session.closeWorkspace();
      session.refused = { path: workspace.path, code: 'PASSPHRASE_NEEDED', findings: [] };
      return null;
    },
    'protection.setRemember': ({ remember }) => {
      const workspace = ctx.requireWorkspace();
      const key = workspace.currentKey();
      if (!key) throw new FieldnotesError('UNAVAILABLE', 'This workspace has no passphrase to remember.');
      if (remember) keychain.remember(workspace.path, key);
      else keychain.forget(workspace.path);
      return state();
    },
    'protection.setLockAfter': ({ minutes }) => {
      settings.setLockAfterMinutes(minutes);
      return state();
    },
  };
}
