// zstd for the wire. Decompression is bounded: output is produced in small chunks and counted,
// so a small payload that expands to gigabytes (a zip bomb) is refused once it passes the cap,
// without ever holding more than the cap in memory; the frame's declared size is not trusted.
import binding from 'zstd-napi/binding.js';
import { compress } from 'zstd-napi';

const CHUNK_BYTES = 128 * 1024;
/** 8 MiB windows at most: a frame asking for a bigger window is refused, not allocated. */
const WINDOW_LOG_MAX = 23;

export class DecompressedTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`decompressed body is over the ${limitBytes}-byte limit`);
    this.name = 'DecompressedTooLargeError';
  }
}

export class CorruptCompressionError extends Error {
  constructor(detail: string) {
    super(`body is not valid zstd: ${detail}`);
    this.name = 'CorruptCompressionError';
  }
}

export function zstdCompress(data: Buffer | string, level = 3): Buffer {
  return compress(typeof data === 'string' ? Buffer.from(data) : data, { compressionLevel: level });
}

export function zstdDecompressBounded(input: Uint8Array, maxBytes: number): Buffer {
  const dctx = new binding.DCtx();
  const chunks: Buffer[] = [];
  let total = 0;
  let src = input;
  try {
    dctx.setParameter(binding.DParameter.windowLogMax, WINDOW_LOG_MAX);
    for (;;) {
      const dst = Buffer.allocUnsafe(CHUNK_BYTES);
      const [remaining, produced, consumed] = dctx.decompressStream(dst, src);
      total += produced;
      if (total > maxBytes) throw new DecompressedTooLargeError(maxBytes);
      if (produced > 0) chunks.push(dst.subarray(0, produced));
      src = src.subarray(consumed);
      if (src.length === 0 && remaining === 0) break; // every frame complete, all input read
      if (produced === 0 && consumed === 0) throw new CorruptCompressionError('truncated frame');
    }
  } catch (e) {
    if (e instanceof DecompressedTooLargeError || e instanceof CorruptCompressionError) throw e;
    throw new CorruptCompressionError((e as Error).message);
  }
  return Buffer.concat(chunks, total);
}
