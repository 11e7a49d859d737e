import type { Handlers } from '../../../shared/rpc/dispatch';
import type { CoreOptions } from '../ports';
import type { InstallationSettings } from '../settings/settings';
import { agreementHandlers } from './agreement';
import { analysisHandlers } from './analysis';
import { refiHandlers } from './refi';
import { appHandlers } from './app';
import { backupHandlers } from './backups';
import { protectionHandlers } from './protection';
import { recoveryHandlers } from './recovery';
import type { Session } from '../session';
import { createContext } from './context';
import { engagementHandlers } from './engagements';
import { engagementTypeHandlers } from './engagementTypes';
import { attachmentHandlers } from './attachments';
import { attributeHandlers } from './attributes';
import { codebookHandlers } from './codebook';
import { importHandlers } from './imports';
import { findingHandlers } from './findings';
import { historyHandlers } from './history';
import { matrixHandlers } from './matrix';
import { mergeHandlers } from './merge';
import { noteHandlers } from './notes';
import { participantHandlers } from './participants';
import { passageHandlers } from './passages';
import { recommendationHandlers } from './recommendations';
import { reportHandlers } from './report';
import { searchHandlers } from './search';
import { speakerHandlers } from './speakers';
import { themeHandlers } from './themes';
import { reviewerHandlers } from './reviewer';
import { uploadHandlers } from './uploads';
import { workspaceHandlers } from './workspace';


/** Map each contract method to the service that answers it, one file per namespace (namespaces.test.ts). */
export function createHandlers(options: CoreOptions, settings: InstallationSettings, session: Session): Handlers {
  const ctx = createContext(options, settings, session);
  return {
    ...appHandlers(ctx),
    ...reviewerHandlers(ctx),
    ...workspaceHandlers(ctx),
    ...engagementHandlers(ctx),
    ...engagementTypeHandlers(ctx),
    ...participantHandlers(ctx),
    ...attributeHandlers(ctx),
    ...noteHandlers(ctx),
    ...speakerHandlers(ctx),
    ...uploadHandlers(ctx),
    ...importHandlers(ctx),
    ...attachmentHandlers(ctx),
    ...themeHandlers(ctx),
    ...codebookHandlers(ctx),
    ...passageHandlers(ctx),
    ...searchHandlers(ctx),
    ...analysisHandlers(ctx),
    ...findingHandlers(ctx),
    ...recommendationHandlers(ctx),
    ...matrixHandlers(ctx),
    ...reportHandlers(ctx),
    ...agreementHandlers(ctx),
    ...mergeHandlers(ctx),
    ...historyHandlers(ctx),
    ...refiHandlers(ctx),
    ...protectionHandlers(ctx),
    ...recoveryHandlers(ctx),
    ...backupHandlers(ctx),
  };
}
