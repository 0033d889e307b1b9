import { crc32 } from 'node:zlib';

// A tiny zipped shapefile writer for tests: polygons (type 5) with one text field NAME, stored (not
// deflated) in a zip. Enough for shpjs to read; not a general writer.

function shp(rings: number[][][]): { shp: Buffer; shx: Buffer } {
  const records: Buffer[] = [];
  const all = rings.flat();
  const box = [Math.min(...all.map((p) => p[0]!)), Math.min(...all.map((p) => p[1]!)), Math.max(...all.map((p) => p[0]!)), Math.max(...all.map((p) => p[1]!))];
  rings.forEach((ring, i) => {
    const content = Buffer.alloc(44 + 4 + ring.length * 16);
    content.writeInt32LE(5, 0);
    const xs = ring.map((p) => p[0]!);
    const ys = ring.map((p) => p[1]!);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, k) => content.writeDoubleLE(v, 4 + k * 8));
    content.writeInt32LE(1, 36); // parts
    content.writeInt32LE(ring.length, 40); // points
    content.writeInt32LE(0, 44); // part 0 starts at point 0
    ring.forEach((p, k) => {
      content.writeDoubleLE(p[0]!, 48 + k * 16);
      content.writeDoubleLE(p[1]!, 56 + k * 16);
    });
    const head = Buffer.alloc(8);
    head.writeInt32BE(i + 1, 0);
    head.writeInt32BE(content.length / 2, 4);
    records.push(head, content);
  });
  const header = (length: number) => {
    const h = Buffer.alloc(100);
    h.writeInt32BE(9994, 0);
    h.writeInt32BE(length / 2, 24);
    h.writeInt32LE(1000, 28);
    h.writeInt32LE(5, 32);
    box.forEach((v, k) => h.writeDoubleLE(v, 36 + k * 8));
    return h;
  };
  const body = Buffer.concat(records);
  const shx = Buffer.alloc(100 + rings.length * 8);
  header(shx.length).copy(shx);
  let offset = 100;
  rings.forEach((ring, i) => {
    const len = 44 + 4 + ring.length * 16;
    shx.writeInt32BE(offset / 2, 100 + i * 8);
    shx.writeInt32BE(len / 2, 104 + i * 8);
    offset += 8 + len;
  });
  return { shp: Buffer.concat([header(100 + body.length), body]), shx };
}

function dbf(names: string[]): Buffer {
  const width = 40;
  const head = Buffer.alloc(32 + 32 + 1);
  head.writeUInt8(3, 0);
  head.writeUInt32LE(names.length, 4);
  head.writeUInt16LE(head.length, 8);
  head.writeUInt16LE(1 + width, 10);
  head.write('NAME', 32, 'latin1');
  head.write('C', 32 + 11, 'latin1');
  head.writeUInt8(width, 32 + 16);
  head.writeUInt8(0x0d, 64);
  const rows = names.map((n) => Buffer.from(` ${n.padEnd(width, ' ').slice(0, width)}`, 'latin1'));
  return Buffer.concat([head, ...rows, Buffer.from([0x1a])]);
}

function zip(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A zipped shapefile of polygons (one closed ring each, in the file's own coordinates) named by NAME. */
export function shapefileZip(features: { name: string; ring: number[][] }[], prj?: string): Buffer {
  const { shp: s, shx } = shp(features.map((f) => f.ring));
  return zip({ 'gebieden.shp': s, 'gebieden.shx': shx, 'gebieden.dbf': dbf(features.map((f) => f.name)), ...(prj ? { 'gebieden.prj': Buffer.from(prj) } : {}) });
}
