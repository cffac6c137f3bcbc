/** Why a file could not be imported; `code` is stable, `message` names the file and the cause. */
export class ImportError extends Error {
  constructor(
    readonly code: 'unsupported' | 'unreadable' | 'not-text' | 'empty' | 'too-large' | 'no-article',
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
