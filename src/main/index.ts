// The Electron entry point. Everything here is shell; the work happens in ./core.
import { startShell } from './shell/app';

startShell();
