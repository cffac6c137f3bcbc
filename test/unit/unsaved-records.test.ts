import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { StoreError } from '../../app/main/library/article-repository.js';
import { setup, tempDir } from '../support/handler-app.js';

/** The annotation ids in the record file at `path` as it is on disk now. */
function idsOnDisk(path: string): string[] {
  return JSON.parse(readFileSync(path, 'utf8')).annotations.map((a: { id: string }) => a.id);
}

/** Two articles opened and tagged once each, both records written; their files and a tagger for each. */
async function twoArticles() {
  const app = setup();
  const dir = tempDir('articles');
  const opened = [];
  for (const [name, text] of [['ledger.txt', 'The ledger shows a deficit of 4 million in the second quarter.'], ['memo.txt', 'The memo, dated March, says the audit was postponed twice.']]) {
    writeFileSync(join(dir, name), text);
    const { article } = await app.ok('article:open-dropped', { path: join(dir, name) });
    const record = join(app.dataDir, 'articles', `${article.id}.json`);
    const tag = async (start: number, end: number): Promise<string> => (await app.ok('annotation:create', { articleId: article.id, type: 'claim', start, end })).id;
    opened.push({ id: article.id as string, record, journal: record.replace(/\.json$/, '.journal'), tag });
  }
  const [ledger, memo] = opened;
  const firsts = [await ledger.tag(4, 10), await memo.tag(4, 8)];
  app.repository.checkpoint();
  expect(idsOnDisk(ledger.record)).toEqual([firsts[0]]);
  return { app, ledger, memo, firsts };
}

suite('a record that cannot be written is kept dirty, told once, and written once it can be', () => {
  it('record file replaced by a folder: the checkpoint does not throw, writes the other record, tells it once; written when the folder goes; a restart has every change', async () => {
    const { app, ledger, memo, firsts } = await twoArticles();
    // The obstacle: a folder where the record file is, so its write (backup copy, rename) fails for real, root or not.
    rmSync(ledger.record);
    mkdirSync(ledger.record);
    const second = await ledger.tag(15, 22);
    const memoSecond = await memo.tag(9, 14);
    expect(() => app.repository.checkpoint()).not.toThrow();
    expect(readFileSync(ledger.journal, 'utf8')).toContain(second);
    expect(idsOnDisk(memo.record)).toEqual([firsts[1], memoSecond]);
    const told = [{ kind: 'unsaved', path: ledger.record, reason: expect.stringMatching(/EISDIR|illegal operation on a directory/), journal: ledger.journal }];
    expect(app.repository.notices).toEqual(told);
    expect(await app.ok('session:notices', {})).toEqual(told);

    // Tried again at each checkpoint, told once; a flush (export, command line) throws naming it, and tells it no more.
    const third = await ledger.tag(26, 32);
    expect(() => app.repository.checkpoint()).not.toThrow();
    expect(() => app.repository.flush()).toThrow(StoreError);
    expect(() => app.repository.flush()).toThrow(ledger.record);
    expect(app.repository.notices).toEqual(told);
    expect(readFileSync(ledger.journal, 'utf8')).toContain(third);

    rmSync(ledger.record, { recursive: true });
    app.repository.checkpoint();
    expect(idsOnDisk(ledger.record)).toEqual([firsts[0], second, third]);
    expect(existsSync(ledger.journal)).toBe(false);
    expect(setup(app.dataDir).repository.get(ledger.id)!.annotations.map((a) => a.id)).toEqual([firsts[0], second, third]);
  });

  it('still blocked at quit and at the next start: the journal holds the change, the article opens, and it is written once the obstacle goes', async () => {
    const { app, ledger, firsts } = await twoArticles();
    // The obstacle: a folder where the record's last good copy goes, so the write fails while the record file stays.
    const backup = `${ledger.record}.bak`;
    rmSync(backup, { force: true });
    mkdirSync(backup);
    const second = await ledger.tag(15, 22);
    expect(() => app.repository.flush()).toThrow(ledger.record);
    expect(idsOnDisk(ledger.record)).toEqual([firsts[0]]);
    expect(readFileSync(ledger.journal, 'utf8')).toContain(second);

    // The next start replays the journal, cannot write the record, and opens the article all the same.
    const next = setup(app.dataDir);
    const opened = await next.call('article:open-dropped', { path: JSON.parse(readFileSync(ledger.record, 'utf8')).article.source.path });
    expect(opened).toMatchObject({ ok: true, value: { annotations: [{ id: firsts[0] }, { id: second }] } });
    expect(next.repository.notices).toEqual([expect.objectContaining({ kind: 'unsaved', path: ledger.record })]);
    expect(readFileSync(ledger.journal, 'utf8')).toContain(second);

    rmSync(backup, { recursive: true });
    next.repository.checkpoint();
    expect(idsOnDisk(ledger.record)).toEqual([firsts[0], second]);
    expect(existsSync(ledger.journal)).toBe(false);
    expect(setup(app.dataDir).repository.get(ledger.id)!.annotations.map((a) => a.id)).toEqual([firsts[0], second]);
  });
});
