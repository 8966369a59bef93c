// Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013): keeps the visual shape of a
// long series (peaks, steps) with a fixed number of points so charts stay fast.

export type Point = readonly [number, number];

/**
 * Returns at most `threshold` points of `data` (sorted by x). First and last points are always
 * kept; each bucket in between contributes the point forming the largest triangle with the
 * previously kept point and the average of the next bucket.
 */
export function lttb<P extends Point>(data: readonly P[], threshold: number): P[] {
  const n = data.length;
  if (threshold >= n || threshold <= 2) {
    return threshold <= 2 && n > 2 ? [data[0], data[n - 1]] : data.slice();
  }
  const out: P[] = [data[0]];
  const bucketSize = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    // average of the next bucket
    const nextStart = Math.floor((i + 1) * bucketSize) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * bucketSize) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += data[j][0];
      avgY += data[j][1];
    }
    const count = nextEnd - nextStart;
    avgX /= count;
    avgY /= count;

    const start = Math.floor(i * bucketSize) + 1;
    const end = Math.floor((i + 1) * bucketSize) + 1;
    const ax = data[a][0];
    const ay = data[a][1];
    let maxArea = -1;
    let chosen = start;
    for (let j = start; j < end; j++) {
      const area = Math.abs((ax - avgX) * (data[j][1] - ay) - (ax - data[j][0]) * (avgY - ay));
      if (area > maxArea) {
        maxArea = area;
        chosen = j;
      }
    }
    out.push(data[chosen]);
    a = chosen;
  }
  out.push(data[n - 1]);
  return out;
}
