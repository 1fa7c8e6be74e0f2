'use strict';
// grpc-js as a client of our server. Usage: node client.js MODE HOST:PORT PROTO_DIR
// Prints one JSON line: {"ok":true,...} or {"ok":false,"code":N,"details":"..."}; exits 0 unless the script itself broke.
const { load } = require('./common');

const [mode, address, protoDir] = process.argv.slice(2);
const { grpc, sync, report } = load(protoDir);
const compressed = mode.endsWith('-gzip');
const options = compressed ? { 'grpc.default_compression_algorithm': 2 } : {};
const reports = new report.ReportService(address, grpc.credentials.createInsecure(), options);
const syncs = new sync.SyncService(address, grpc.credentials.createInsecure(), options);
const metadata = new grpc.Metadata();
metadata.set('x-branch-key', 'key-of-branch-7');

function done(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
  reports.close();
  syncs.close();
}

function failed(err) {
  done({ ok: false, code: err.code, details: err.details });
}

const deadline = () => new Date(Date.now() + 5000);

switch (mode) {
  case 'unary':
  case 'unary-gzip':
    reports.getKpis({ queueIds: ['vip', 'cards'], interval: 'KPI_INTERVAL_HOUR' }, metadata, { deadline: deadline() },
      (err, res) => (err ? failed(err) : done({ ok: true, rows: res.rows.map(r => ({ queue: r.queueId, offered: r.offered })) })));
    break;
  case 'stream': {
    const events = [];
    const call = reports.watchEvents({ queueIds: ['vip'] }, metadata, { deadline: deadline() });
    call.on('data', e => events.push({ event: e.event, callId: e.call ? e.call.callId : null }));
    call.on('error', failed);
    call.on('end', () => done({ ok: true, events }));
    break;
  }
  case 'deadline':
    // Connect first: on a loaded machine a short deadline could otherwise pass before the request ever reached our
    // server, and the test checks that our handler was cancelled. "block" makes the test server wait until then.
    reports.waitForReady(deadline(), err => (err
      ? failed(err)
      : reports.getKpis({ queueIds: ['block'] }, metadata, { deadline: new Date(Date.now() + 1500) },
        (callErr, res) => (callErr ? failed(callErr) : done({ ok: true, rows: res.rows.length })))));
    break;
  case 'error':
    syncs.pushBatch({ branchId: '', batchId: 'b-1', records: [] }, metadata, { deadline: deadline() },
      (err, res) => (err ? failed(err) : done({ ok: true, acknowledged: res.acknowledgedKeys })));
    break;
  case 'unauthenticated':
    syncs.pushBatch({ branchId: 'branch-7', batchId: 'b-2', records: [] }, new grpc.Metadata(), { deadline: deadline() },
      (err, res) => (err ? failed(err) : done({ ok: true, acknowledged: res.acknowledgedKeys })));
    break;
  case 'push':
    syncs.pushBatch({
      branchId: 'branch-7', batchId: 'b-3',
      records: [
        { idempotencyKey: 'k1', kind: 'RECORD_KIND_TICKET', payload: Buffer.from('ticket'), createdAt: { seconds: 1767600000, nanos: 0 }, sequence: 1 },
        { idempotencyKey: 'k2', kind: 'RECORD_KIND_TRANSACTION', payload: Buffer.from('txn'), sequence: 2 },
      ],
    }, metadata, { deadline: deadline() },
    (err, res) => (err ? failed(err) : done({ ok: true, acknowledged: res.acknowledgedKeys })));
    break;
  default:
    process.stderr.write(`unknown mode ${mode}\n`);
    process.exit(2);
}
