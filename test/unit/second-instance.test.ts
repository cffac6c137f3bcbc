import { describe as suite, expect, it } from 'vitest';
import { fileFromSecondInstance } from '../../app/main/second-instance.js';

suite('a second launch hands its file to the first instance', () => {
  it('resolves the article it names against its own working directory', () => {
    expect(fileFromSecondInstance(['/opt/Attest/attest', '--no-sandbox', 'notes/report.html'], '/home/ana')).toBe('/home/ana/notes/report.html');
    expect(fileFromSecondInstance(['/usr/bin/electron', '/src/attest', '--data-dir=/tmp/d', '/srv/a.txt'], '/x')).toBe('/srv/a.txt');
  });

  it('names none when the launch named no article', () => {
    expect(fileFromSecondInstance(['/opt/Attest/attest'], '/home/ana')).toBeNull();
    expect(fileFromSecondInstance(['/opt/Attest/attest', '--allow-file-access-from-files', 'notes.exe'], '/home/ana')).toBeNull();
  });
});
