/**
 * Narrative generation (issue 5): the 情况说明 sentences of a report, written from its tables in
 * the conventions of its provincial template (data/templates/*.json). Pure: no file system.
 */
export { generatableSections, generateSection, generateAll, generateDocument, generatedDocumentText, findSection, sectionAt, narrativeCommandTitle, regenerateSectionTitle, unknownTemplateReason } from './generate';
export type { NarrativeSectionInfo, SectionGeneration } from './generate';
export { applyEdits } from './blockEdit';
export { normalizeTitle, topicOf } from './topics';
export { TEMPLATES, templateFor } from './templateRegistry';
