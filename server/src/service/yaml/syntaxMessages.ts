import { t } from '../i18n/l10n';

/**
 * The yaml package's syntax errors in plain words. Its own messages are English ("Implicit map
 * keys need to be followed by map values"); each error carries a stable code, and that is what
 * the person is told about, in the current locale.
 */
const MESSAGES: Readonly<Record<string, () => string>> = {
  ALIAS_PROPS: () => t('an alias cannot have an anchor or a tag'),
  BAD_ALIAS: () => t('an alias that refers to nothing'),
  BAD_DIRECTIVE: () => t('an unknown % directive'),
  BAD_DQ_ESCAPE: () => t('an invalid escape (\\) in a double-quoted text'),
  BAD_INDENT: () => t('wrong indentation: lines of one level start in the same column, the lines under them further right'),
  BAD_PROP_ORDER: () => t('an anchor or tag in the wrong place'),
  BAD_SCALAR_START: () => t('a value cannot start with this character; put it in quotes'),
  BLOCK_AS_IMPLICIT_KEY: () => t('a key: value after a key on the same line (a: b: c); put it on the next line, indented'),
  BLOCK_IN_FLOW: () => t('a block of lines inside { } or [ ]'),
  DUPLICATE_KEY: () => t('the same key twice'),
  IMPOSSIBLE: () => t('the text cannot be read as YAML here'),
  KEY_OVER_1024_CHARS: () => t('a key longer than 1024 characters'),
  MISSING_CHAR: () => t('a character is missing here (a closing quote or bracket, a comma or a colon)'),
  MULTILINE_IMPLICIT_KEY: () => t('a key cannot span several lines; is a colon (:) missing after the key?'),
  MULTIPLE_ANCHORS: () => t('more than one anchor on a value'),
  MULTIPLE_DOCS: () => t('more than one YAML document'),
  MULTIPLE_TAGS: () => t('more than one tag on a value'),
  NON_STRING_KEY: () => t('a key must be a plain value'),
  RESOURCE_EXHAUSTION: () => t('the text is too large or too deeply nested'),
  TAB_AS_INDENT: () => t('a tab used for indentation; indent with spaces'),
  TAG_RESOLVE_FAILED: () => t('the value does not fit its tag'),
  UNEXPECTED_TOKEN: () => t('unexpected text here; check the colon, indentation and quotes of this line'),
  BAD_COLLECTION_TYPE: () => t('a list or mapping of the wrong kind'),
};

/** The plain reason of a YAML syntax error with the yaml package's code; a general one for an unknown code. */
export function yamlSyntaxText(code: string | undefined): string {
  const message = code ? MESSAGES[code] : undefined;
  return message ? message() : t('the text cannot be read as YAML here');
}
