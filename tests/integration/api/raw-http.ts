// One HTTP request with the path sent verbatim (no URL object, no normalisation), so a test can
// send what an attacker would: %61pi, //api, /./, /API, trailing slashes.
import http from 'node:http';

export interface RawResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface RawRequest {
  host: string;
  port: number;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export function rawRequest(r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: r.host, port: r.port, method: r.method, path: r.path, agent: false, headers: { connection: 'close', ...r.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body }));
        res.on('error', reject);
      },
    );
    req.on('error', (e) => reject(new Error(`${r.method} ${r.path}: ${e.message}`)));
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}
