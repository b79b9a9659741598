export { describeViolations, findSeriousA11yViolations } from './axe.ts';
export { launchBrowser } from './browser.ts';
export { type Account, type ApiSession, type InboxStack, startInboxStack } from './inbox-stack.ts';
export { afterJourney } from './journey-hooks.ts';
export {
  expectPath,
  expectVisible,
  OUTPUT_DIR,
  openSignedIn,
  SIGNED_IN_PATH,
  screenshot,
  screenshotScrolled,
  signIn,
  wallClock,
} from './page-helpers.ts';
export { REPO_ROOT, type RunningServer, startServer } from './server.ts';
