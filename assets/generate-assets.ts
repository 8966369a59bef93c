// Generates the committed binary assets so they can be reproduced and reviewed:
//   alarm.wav  two-tone 0.8 s alarm (880 Hz / 660 Hz, 16-bit mono PCM, 22.05 kHz)
//   icon.png   512x512 app icon (red drill-bit triangle on a dark tile), RGBA PNG
// Run: npx tsx assets/generate-assets.ts
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function alarmWav() {
  const sampleRateHz = 22050;
  const durationS = 0.8;
  const n = Math.round(sampleRateHz * durationS);
  const data = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) {
    const t = i / sampleRateHz;
    const freqHz = t < 0.4 ? 880 : 660;
    // 10 ms fade at each tone edge avoids clicks
    const edge = Math.min(t % 0.4, 0.4 - (t % 0.4));
    const env = Math.min(1, edge / 0.01);
    const v = Math.sin(2 * Math.PI * freqHz * t) * 0.6 * env;
    data.writeInt16LE(Math.round(v * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRateHz, 24);
  header.writeUInt32LE(sampleRateHz * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf: Buffer): number {
  let c = -1;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const tb = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(tb));
  return Buffer.concat([len, tb, crc]);
}

function iconPng(size = 512) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const r = 64; // corner radius
      const cx = Math.min(Math.max(x, r), size - 1 - r);
      const cy = Math.min(Math.max(y, r), size - 1 - r);
      const inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
      // downward triangle (drill bit) in the middle
      const top = 130, bottom = 400, half = 150;
      const w = ((bottom - y) / (bottom - top)) * half;
      const inBit = y >= top && y <= bottom && Math.abs(x - size / 2) <= w;
      const inBar = y >= 90 && y < 130 && Math.abs(x - size / 2) <= 40;
      let rgb = [22, 27, 34];
      if (inBit) rgb = [220, 38, 38];
      else if (inBar) rgb = [230, 230, 230];
      raw[o] = rgb[0];
      raw[o + 1] = rgb[1];
      raw[o + 2] = rgb[2];
      raw[o + 3] = inside ? 255 : 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync(join(here, 'alarm.wav'), alarmWav());
writeFileSync(join(here, 'icon.png'), iconPng());
console.log('wrote assets/alarm.wav and assets/icon.png');
