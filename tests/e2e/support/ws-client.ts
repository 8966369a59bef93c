// A test's own Bridge client (Node 'ws'): asks the engine directly, to compare with the UI.
import WebSocket from 'ws';
import type { BridgeCommand, BridgeResult, WsServerFrame } from '../../../src-shared/bridge.js';

export async function bridgeCall(baseUrl: string, command: BridgeCommand, request: unknown): Promise<unknown> {
  const url = new URL('/api/v1/bridge', baseUrl).href.replace(/^http/, 'ws');
  const ws = new WebSocket(url, { headers: { origin: new URL(baseUrl).origin } });
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const result = await new Promise<BridgeResult<BridgeCommand>>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${command}: no answer`)), 10_000);
      ws.on('message', (data) => {
        const f = JSON.parse(String(data)) as WsServerFrame;
        if (f.type === 'result' && f.id === 1) {
          clearTimeout(t);
          resolve(f.result);
        }
      });
      ws.send(JSON.stringify({ type: 'call', id: 1, command, request }));
    });
    if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
    return result.value;
  } finally {
    ws.close();
  }
}
