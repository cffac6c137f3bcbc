import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A small ZIP (PKWARE APPNOTE.TXT: local headers, central directory, end record) holding
 * `[Content_Types].xml` and `word/document.xml`, the latter `inflatedBytes` of spaces deflated
 * to a few hundred KB: a zip bomb posing as a .docx. The sizes in its headers are the true ones,
 * unless `declaredBytes` is given: then both headers understate the document's size as that.
 */
export function makeZipBomb(inflatedBytes: number, declaredBytes?: number): Uint8Array {
  const entries = [
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: 'word/document.xml', data: Buffer.alloc(inflatedBytes, 0x20) },
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const compressed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const header = (central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30);
      let i = 0;
      b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, i);
      i += 4;
      if (central) (b.writeUInt16LE(20, i), (i += 2));
      b.writeUInt16LE(20, i); // version needed
      b.writeUInt16LE(0, i + 2); // flags
      b.writeUInt16LE(8, i + 4); // deflate
      b.writeUInt32LE(0, i + 6); // time, date
      b.writeUInt32LE(crc32(data), i + 10);
      b.writeUInt32LE(compressed.length, i + 14);
      b.writeUInt32LE(name === 'word/document.xml' && declaredBytes !== undefined ? declaredBytes : data.length, i + 18);
      b.writeUInt16LE(nameBytes.length, i + 22);
      if (central) b.writeUInt32LE(offset, 42);
      return Buffer.concat([b, nameBytes]);
    };
    const local = Buffer.concat([header(false), compressed]);
    centrals.push(header(true));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
