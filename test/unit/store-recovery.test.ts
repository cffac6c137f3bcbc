import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { setup } from '../support/handler-app.js';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name);

/**
 * Opens three-paragraphs.txt, saves two annotations (state A: the record's `.bak` after the next
 * write), then a third (state B: the record; the journal that took it in kept as `.journal.prev`);
 * returns the ids each state holds.
 */
async function annotateTwice(app: ReturnType<typeof setup>) {
  app.answers.open.push(fixture('three-paragraphs.txt'));
  const { article } = await app.ok('article:choose', {});
  const first = await app.ok('annotation:create', { articleId: article.id, type: 'claim', start: 0, end: 5 });
  const second = await app.ok('annotation:create', { articleId: article.id, type: 'quote', start: 11, end: 17 });
  app.repository.flush();
  const third = await app.ok('annotation:create', { articleId: article.id, type: 'source', start: 23, end: 28 });
  app.repository.flush();
  return { articleId: article.id as string, good: [first.id, second.id], all: [first.id, second.id, third.id] };
}

suite('a damaged store file', () => {
  it('keeps the previous good copy of an article record beside it', async () => {
    const app = setup();
    const { articleId, good } = await annotateTwice(app);
    const bak = JSON.parse(readFileSync(join(app.dataDir, 'articles', `${articleId}.json.bak`), 'utf8'));
    expect(bak.annotations.map((a: { id: string }) => a.id)).toEqual(good);
    const current = JSON.parse(readFileSync(join(app.dataDir, 'articles', `${articleId}.json`), 'utf8'));
    expect(current.annotations).toHaveLength(3);
  });

  it('truncated mid-annotation: moves it aside, restores the last good copy and the changes since (the previous journal), and tells the analyst', async () => {
    const first = setup();
    const { articleId, all } = await annotateTwice(first);
    const file = join(first.dataDir, 'articles', `${articleId}.json`);
    const text = readFileSync(file, 'utf8');
    const cut = text.slice(0, text.lastIndexOf('"exact"') + 3);
    writeFileSync(file, cut);

    const app = setup(first.dataDir);
    expect(await app.ok('session:notices', {})).toEqual([]);
    app.answers.open.push(fixture('three-paragraphs.txt'));
    const opened = await app.ok('article:choose', {});
    expect(opened.annotations.map((a: { id: string }) => a.id)).toEqual(all);
    for (const a of opened.annotations) expect(opened.article.text.slice(a.target.position.start, a.target.position.end)).toBe(a.target.quote.exact);

    const notices = await app.ok('session:notices', {});
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ path: file, restoredFrom: `${file}.bak` });
    expect(notices[0].movedTo).toMatch(/\.json\.damaged-/);
    expect(readFileSync(notices[0].movedTo, 'utf8')).toBe(cut);
    // The restored file parses and the app keeps working on it.
    expect(JSON.parse(readFileSync(file, 'utf8')).annotations).toHaveLength(3);
    await app.ok('annotation:create', { articleId, type: 'claim', start: 23, end: 28 });
    app.repository.flush();
    expect(JSON.parse(readFileSync(file, 'utf8')).annotations).toHaveLength(4);
  });

  it('a record that parses but fails its schema is treated the same way', async () => {
    const first = setup();
    const { articleId, all } = await annotateTwice(first);
    const file = join(first.dataDir, 'articles', `${articleId}.json`);
    const record = JSON.parse(readFileSync(file, 'utf8'));
    record.annotations[0].target = 'nonsense';
    writeFileSync(file, JSON.stringify(record));
    const app = setup(first.dataDir);
    expect(app.repository.get(articleId)?.annotations.map((a) => a.id)).toEqual(all);
    expect(app.repository.notices).toHaveLength(1);
    expect(app.repository.notices[0].reason).toMatch(/not a valid article record/);
  });

  it('a damaged index with no good copy: kept aside, the app starts empty and says so', async () => {
    const first = setup();
    await annotateTwice(first);
    // index.json was written once (no .bak yet): damage it.
    const index = join(first.dataDir, 'index.json');
    expect(existsSync(`${index}.bak`)).toBe(false);
    writeFileSync(index, '{"schemaVersion": 2, "files": {');
    const app = setup(first.dataDir);
    const notices = await app.ok('session:notices', {});
    expect(notices).toEqual([expect.objectContaining({ path: index, restoredFrom: null })]);
    expect(readdirSync(first.dataDir).filter((n) => n.startsWith('index.json.damaged-'))).toHaveLength(1);
    // The articles are untouched and open again with their annotations.
    app.answers.open.push(fixture('three-paragraphs.txt'));
    expect((await app.ok('article:choose', {})).annotations).toHaveLength(3);
  });
  it('an article record holding {}: moved aside, the last good copy restored and kept as .bak, and the analyst told', async () => {
    const first = setup();
    const { articleId, all } = await annotateTwice(first);
    const file = join(first.dataDir, 'articles', `${articleId}.json`);
    writeFileSync(file, '{}');

    const app = setup(first.dataDir);
    app.answers.open.push(fixture('three-paragraphs.txt'));
    expect((await app.ok('article:choose', {})).annotations.map((a: { id: string }) => a.id)).toEqual(all);
    const notices = await app.ok('session:notices', {});
    expect(notices).toEqual([expect.objectContaining({ path: file, restoredFrom: `${file}.bak`, reason: expect.stringMatching(/not a valid article record/) })]);
    expect(readFileSync(notices[0].movedTo, 'utf8')).toBe('{}');
    // The next write keeps a good copy as .bak: the `{}` never becomes the last good copy.
    await app.ok('annotation:create', { articleId, type: 'claim', start: 23, end: 28 });
    app.repository.flush();
    expect(JSON.parse(readFileSync(`${file}.bak`, 'utf8')).annotations.map((a: { id: string }) => a.id)).toEqual(all);
    expect(JSON.parse(readFileSync(file, 'utf8')).annotations).toHaveLength(4);
  });

  it('labels.json and library.json holding {}: each moved aside and its last good copy restored, with a notice', async () => {
    const first = setup();
    await first.ok('labels:add', { name: 'Disputed', colour: '#7b1fa2', key: 'd' });
    await first.ok('labels:add', { name: 'Figure', colour: '#00796b', key: 'f' });
    await first.ok('article:open-dropped', { path: fixture('alpha-beta.txt') });
    await first.ok('article:open-dropped', { path: fixture('attribution.txt') });
    const labels = join(first.dataDir, 'labels.json');
    const library = join(first.dataDir, 'library.json');
    writeFileSync(labels, '{}\n');
    writeFileSync(library, '{}');

    const app = setup(first.dataDir);
    expect((await app.ok('labels:list', {})).map((l: { name: string }) => l.name)).toContain('Disputed');
    expect((await app.ok('library:list', {})).recent.map((r: { path: string }) => r.path)).toEqual([fixture('alpha-beta.txt')]);
    const notices = await app.ok('session:notices', {});
    expect(notices).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: labels, restoredFrom: `${labels}.bak`, reason: expect.stringMatching(/^not valid label settings/) }),
      expect.objectContaining({ path: library, restoredFrom: `${library}.bak`, reason: expect.stringMatching(/^not valid library settings/) }),
    ]));
    expect(notices).toHaveLength(2);
    for (const n of notices) expect(readFileSync(n.movedTo, 'utf8').trim()).toBe('{}');
  });

  it('a data directory Attest wrote, reopened, is never called damaged (conf writes no {} of its own)', async () => {
    const first = setup();
    // A new data directory: opening it creates no store file (so none holding {}).
    expect(readdirSync(first.dataDir)).toEqual([]);
    await annotateTwice(first);
    await first.ok('labels:add', { name: 'Disputed', colour: '#7b1fa2', key: 'd' });
    await first.ok('article:open-dropped', { path: fixture('alpha-beta.txt') });
    first.repository.flush();
    const app = setup(first.dataDir);
    app.answers.open.push(fixture('three-paragraphs.txt'));
    expect((await app.ok('article:choose', {})).annotations).toHaveLength(3);
    expect(await app.ok('session:notices', {})).toEqual([]);
  });
});
