'use strict';
// grpc-js as a server our client calls. Usage: node server.js PROTO_DIR
// Listens on 127.0.0.1 with a free port, prints "PORT <n>", and serves until stdin closes.
const { load } = require('./common');

const { grpc, sync, report } = load(process.argv[2]);
const applied = new Map();

const server = new grpc.Server();
server.addService(sync.SyncService.service, {
  pushBatch(call, callback) {
    const request = call.request;
    if (request.branchId === 'revoked') {
      callback({ code: grpc.status.PERMISSION_DENIED, details: 'branch "revoked" is revoked — 已吊销 100%' });
      return;
    }
    if (request.branchId === 'slow') {
      call.on('cancelled', () => {});
      return; // never answers: the client's deadline must end the call
    }
    for (const record of request.records) {
      if (!applied.has(record.idempotencyKey)) {
        applied.set(record.idempotencyKey, Buffer.from(record.payload).toString());
      }
    }
    const trailer = new grpc.Metadata();
    trailer.set('x-applied-total', String(applied.size));
    callback(null, { acknowledgedKeys: request.records.map(r => r.idempotencyKey) }, trailer);
  },
});
server.addService(report.ReportService.service, {
  getKpis(call, callback) {
    callback(null, { rows: call.request.queueIds.map((q, i) => ({ queueId: q, offered: 10 + i, answered: 9 })) });
  },
  listCalls(call, callback) {
    callback({ code: grpc.status.UNIMPLEMENTED, details: 'not in this peer' });
  },
  watchEvents(call) {
    for (let i = 1; i <= 3; i++) {
      call.write({ occurredAt: { seconds: 1767600000 + i, nanos: 0 }, call: { callId: `c${i}`, step: 'offered', queueId: 'vip' } });
    }
    call.end();
  },
});

server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    process.stderr.write(String(err) + '\n');
    process.exit(1);
  }
  process.stdout.write(`PORT ${port}\n`);
});
process.stdin.on('end', () => { server.forceShutdown(); process.exit(0); });
process.stdin.resume();
