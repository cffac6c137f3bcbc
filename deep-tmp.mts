import { writeFileSync } from 'node:fs';
import { importFile } from './app/main/importers/index.js';
const deep = '<html><body><article>' + '<div>'.repeat(10000) + '<p>' + 'Deep text here. '.repeat(20) + '</p>' + '</div>'.repeat(10000) + '</article></body></html>';
writeFileSync('/tmp/deep.html', deep);
const line = 'word '.repeat(1024 * 1024);
writeFileSync('/tmp/line.txt', line);
writeFileSync('/tmp/line.html', '<html><body><p>' + line + '</p></body></html>');
for (const f of ['/tmp/deep.html', '/tmp/line.txt', '/tmp/line.html']) {
  const t = Date.now();
  try { const a = await importFile(f); console.log(f, 'ok', a.text.length, Date.now() - t); } catch (e) { console.log(f, (e as Error).name, (e as Error).message.slice(0, 200), Date.now() - t); }
}
