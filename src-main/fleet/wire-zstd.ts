// zstd on the rig side of the fleet link: level 3 for uploads, and a bounded decompressor for
// library pages (output counted chunk by chunk, so a corrupt or hostile body cannot balloon).
import binding from 'zstd-napi/binding.js';
import { compress } from 'zstd-napi';

const CHUNK_BYTES = 256 * 1024;
const WINDOW_LOG_MAX = 23;

export function zstdCompress(data: string | Buffer, level = 3): Buffer {
  return compress(typeof data === 'string' ? Buffer.from(data) : data, { compressionLevel: level });
}

/** Throws a readable Error when the input is not zstd or expands past maxBytes. */
export function zstdDecompressBounded(input: Uint8Array, maxBytes: number): Buffer {
  const dctx = new binding.DCtx();
  dctx.setParameter(binding.DParameter.windowLogMax, WINDOW_LOG_MAX);
  const chunks: Buffer[] = [];
  let total = 0;
  let src = input;
  for (;;) {
    const dst = Buffer.allocUnsafe(CHUNK_BYTES);
    let step: [number, number, number];
    try {
      step = dctx.decompressStream(dst, src);
    } catch (e) {
      throw new Error(`not valid zstd: ${(e as Error).message}`, { cause: e });
    }
    const [remaining, produced, consumed] = step;
    total += produced;
    if (total > maxBytes) throw new Error(`decompressed size over ${maxBytes} bytes`);
    if (produced > 0) chunks.push(dst.subarray(0, produced));
    src = src.subarray(consumed);
    if (src.length === 0 && remaining === 0) break;
    if (produced === 0 && consumed === 0) throw new Error('not valid zstd: truncated frame');
  }
  return Buffer.concat(chunks, total);
}
