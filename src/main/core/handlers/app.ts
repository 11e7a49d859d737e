import type { appMethods } from '../../../shared/contract/app';
import type { DomainHandlers, HandlerContext } from './context';

export function appHandlers(ctx: HandlerContext): DomainHandlers<typeof appMethods> {
  const { options } = ctx;
  return {
    'app.info': () => ({
      version: options.version,
      nativeDialogs: Boolean(options.dialogs),
      defaultFolder: options.defaultFolder,
      host: options.host,
    }),
    'app.closeAnswer': ({ close }) => {
      options.onCloseAnswer?.(close);
      return null;
    },
  };
}
