// A local tile server for the end-to-end tests: the app's tile URL is configuration, so tests never
// reach PDOK. Serves a small valid PNG for every /tiles/{z}/{x}/{y}.png and counts requests.
import http from 'node:http';
import zlib from 'node:zlib';

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** A 256x256 PNG with a grid line, tinted by zoom so a person looking at a screenshot sees tiles. */
export function makeTile(z) {
  const size = 256;
  const raw = Buffer.alloc((size * 3 + 1) * size);
  const tint = [200 - z * 5, 220 - z * 3, 200 + z * 2];
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const edge = x === 0 || y === 0;
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = edge ? 120 : tint[0];
      raw[o + 1] = edge ? 120 : tint[1];
      raw[o + 2] = edge ? 120 : tint[2];
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function startTileServer(port) {
  const tiles = new Map();
  const stats = { requests: 0 };
  const server = http.createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/stats') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(stats));
      return;
    }
    const m = /^\/tiles\/[a-z]+\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(url.pathname);
    if (!m) {
      res.statusCode = 404;
      res.end('not a tile');
      return;
    }
    stats.requests++;
    const z = Number(m[1]);
    if (!tiles.has(z)) tiles.set(z, makeTile(z));
    res.setHeader('Content-Type', 'image/png');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(tiles.get(z));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.TILE_PORT ?? 8182);
  await startTileServer(port);
  console.log(`tile server on http://127.0.0.1:${port}`);
}
