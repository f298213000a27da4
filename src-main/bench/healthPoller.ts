// A monitor polling /health from its own thread (bench/longContest.ts): what it measures is the
// server's answer, not the bench's own event loop, which is busy reading fifty feeds meanwhile.
// workerData: { url, intervalMs }; the message 'stop' ends the polling, and it posts back the latencies (ms).
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, intervalMs } = workerData as { url: string; intervalMs: number };
const target = new URL(url);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const latencies: number[] = [];
let running = true;
parentPort!.on('message', (message) => {
  if (message === 'stop') running = false;
});

function health(): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, path: '/health', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - started));
    });
    req.on('error', reject);
    req.end();
  });
}

while (running) {
  latencies.push(await health());
  await new Promise((r) => setTimeout(r, intervalMs));
}
agent.destroy();
parentPort!.postMessage(latencies);
