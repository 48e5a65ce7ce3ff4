import { registerCodeRequests } from './codeRequests';
import { registerDocumentHandlers } from './documentHandlers';
import { registerExcelRequests } from './excelRequests';
import { registerFeatureHandlers } from './featureHandlers';
import { registerLifecycleHandlers } from './lifecycleHandlers';
import { registerNarrativeRequests } from './narrativeRequests';
import { registerNewReportRequests } from './newReportRequests';
import { registerPublicationRequests } from './publicationRequests';
import type { ServerContext } from './serverContext';
import { registerCheckRequests, Validator } from './validation';
import { registerYearRequests } from './yearRequests';

/**
 * Every handler module of the language server, registered on the context's connection: the
 * lifecycle and the server's inputs, documents, LSP features, and the requests of protocol/
 * by area. `version` is the package's version for serverInfo.
 */
export function registerHandlers(context: ServerContext, version: () => string): void {
  const validator = new Validator(context);
  registerLifecycleHandlers(context, validator, version);
  registerDocumentHandlers(context, validator);
  registerFeatureHandlers(context);
  registerCheckRequests(context, validator);
  registerCodeRequests(context);
  registerNarrativeRequests(context);
  registerYearRequests(context);
  registerPublicationRequests(context);
  registerExcelRequests(context);
  registerNewReportRequests(context);
}
