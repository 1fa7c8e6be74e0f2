'use strict';
// grpc-js as head office: a client of the box's real report service (BranchReportService behind ReportServer).
// Usage: node report-client.js MODE HOST:PORT PROTO_DIR KEY [FROM_SECONDS TO_SECONDS | COUNT]
// Prints one JSON line: {"ok":true,...} or {"ok":false,"code":N,"details":"..."}; exits 0 unless the script itself broke.
const { load } = require('./common');

const [mode, address, protoDir, key, ...rest] = process.argv.slice(2);
const { grpc, report, health } = load(protoDir);
const client = new report.ReportService(address, grpc.credentials.createInsecure());
const metadata = new grpc.Metadata();
if (key !== '-') {
  metadata.set('x-headoffice-key', key);
}

function done(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
  client.close();
}

function failed(err) {
  done({ ok: false, code: err.code, details: err.details });
}

const deadline = () => new Date(Date.now() + 10000);
const at = seconds => ({ seconds: String(seconds), nanos: 0 });
const millis = d => (d ? Number(d.seconds) * 1000 + Math.round(d.nanos / 1e6) : 0);

switch (mode) {
  case 'kpis': {
    const [from, to] = rest.map(Number);
    client.getKpis({ from: at(from), to: at(to), interval: 'KPI_INTERVAL_HOUR', queueIds: ['vip'] }, metadata, { deadline: deadline() },
      (err, res) => (err ? failed(err) : done({
        ok: true,
        rows: res.rows.map(r => ({
          start: Number(r.intervalStart.seconds), queue: r.queueId, offered: r.offered, answered: r.answered,
          abandoned: r.abandoned, serviceLevel: r.serviceLevel, asaMs: millis(r.averageSpeedOfAnswer), ahtMs: millis(r.averageHandlingTime),
        })),
      })));
    break;
  }
  case 'calls': {
    // Pages through ListCalls two at a time, as a report puller would.
    const [from, to] = rest.map(Number);
    const ids = [];
    const page = token => client.listCalls({ from: at(from), to: at(to), pageSize: 2, pageToken: token }, metadata, { deadline: deadline() },
      (err, res) => {
        if (err) {
          failed(err);
          return;
        }
        res.calls.forEach(c => ids.push({ id: c.callId, disposition: c.disposition }));
        if (res.nextPageToken) {
          page(res.nextPageToken);
        } else {
          done({ ok: true, calls: ids });
        }
      });
    page('');
    break;
  }
  case 'watch': {
    // Takes COUNT live events, then hangs up (cancels), as a wallboard closing would.
    const wanted = Number(rest[0]);
    const events = [];
    const call = client.watchEvents({ queueIds: ['vip'] }, metadata, { deadline: deadline() });
    call.on('data', e => {
      events.push({ callId: e.call ? e.call.callId : null, step: e.call ? e.call.step : null });
      if (events.length === wanted) {
        call.cancel();
      }
    });
    // 'status' comes exactly once, after the last message; 'error' and 'end' may both fire, so only status decides.
    call.on('error', () => {});
    call.on('status', s => (s.code === grpc.status.CANCELLED && events.length === wanted
      ? done({ ok: true, events }) : done({ ok: false, code: s.code, details: s.details, events })));
    break;
  }
  case 'watch-deadline': {
    const call = client.watchEvents({}, metadata, { deadline: new Date(Date.now() + 300) });
    call.on('data', () => {});
    call.on('error', () => {});
    call.on('status', s => done(s.code === grpc.status.OK ? { ok: true } : { ok: false, code: s.code, details: s.details }));
    break;
  }
  case 'bad-range': {
    const [from] = rest.map(Number);
    client.getKpis({ from: at(from), to: at(from - 3600), interval: 'KPI_INTERVAL_HOUR' }, metadata, { deadline: deadline() },
      (err, res) => (err ? failed(err) : done({ ok: true, rows: res.rows.length })));
    break;
  }
  case 'health': {
    // The standard health service, which answers without head office's key.
    const checker = new health.Health(address, grpc.credentials.createInsecure());
    checker.check({ service: '' }, { deadline: deadline() }, (err, res) => {
      checker.close();
      if (err) {
        failed(err);
      } else {
        done({ ok: true, status: res.status });
      }
    });
    break;
  }
  case 'unknown-method':
    client.makeUnaryRequest('/appliance.report.v1.ReportService/DropAllTables', x => x, x => x, Buffer.alloc(0), metadata,
      { deadline: deadline() }, (err, res) => (err ? failed(err) : done({ ok: true })));
    break;
  default:
    process.stderr.write(`unknown mode ${mode}\n`);
    process.exit(2);
}
