/** A store file that does not hold what it should. */
export class StoreError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'StoreError';
  }
}
