import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { ImportError } from '../../app/main/importers/errors.js';
import { importFile } from '../../app/main/importers/index.js';
import { canonicalTextProblem } from '../support/canonical.js';
import { setup } from '../support/handler-app.js';
import { tempRoot } from '../support/temp.js';
import { MALFORMED_CASES as CASES } from '../support/malformed-cases.js';

const temp = tempRoot('malformed');
const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);

suite('malformed input ends in an article or a clear error, with bounded memory', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const path = temp.write(c.file, c.bytes());
      const heapBefore = process.memoryUsage().heapUsed;
      let outcome: string;
      try {
        const article = await importFile(path);
        expect(canonicalTextProblem(article)).toBeNull();
        outcome = 'article';
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        expect(error.message.startsWith(`${c.file}: `), error.message).toBe(true);
        outcome = error.code;
      }
      expect(outcome).toBe(c.expect);
      // Loose: the 5 MB line needs some tens of MB; a bomb inflated or a runaway would need hundreds.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 1024 * 1024);
    }, 20_000);
  }

  it('the app keeps running: every case through the handlers, then an ordinary file opens', async () => {
    const app = setup();
    for (const c of CASES.filter((c) => !c.file.endsWith('bomb.docx'))) {
      const result = await app.call('article:open-dropped', { path: temp.write(`app-${c.file}`, c.bytes()) });
      expect(result.ok, c.name).toBe(c.expect === 'article');
    }
    const { article } = await app.ok('article:open-dropped', { path: fixture('three-paragraphs.txt') });
    expect(article.text).toBe('First one\n\nSecond one\n\nThird one');
  }, 60_000);
});
