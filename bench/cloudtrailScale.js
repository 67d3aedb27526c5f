'use strict';
// CloudTrail scale: a 100,000-record log and a folder of gzip files in the S3 delivery
// layout, through the real CLI bundle. Wall time and peak RSS come from GNU time, each
// compared with the JSON.parse floor of the same bytes.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { execFileSync, spawnSync } = require('child_process');
const { writeLog, record } = require('./trailCorpus');
const { rng } = require('./rng');

function timed(args, cwd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = r.stderr.trim().split('\n').pop();
  const [secs, kb] = last.split(' ').map(Number);
  return { ms: secs * 1000, rssMB: kb / 1024, status: r.status, stderr: r.stderr };
}

function writeFolder(dir, files, perFile) {
  fs.rmSync(dir, { recursive: true, force: true });
  const r = rng(99);
  let n = 0;
  for (let f = 0; f < files; f++) {
    const day = String(1 + (f % 28)).padStart(2, '0');
    const d = path.join(dir, 'AWSLogs', '444455556666', 'CloudTrail', 'eu-west-2', '2026', '10', day);
    fs.mkdirSync(d, { recursive: true });
    const recs = [];
    for (let i = 0; i < perFile; i++) recs.push(record(r, n++, day));
    const name = `444455556666_CloudTrail_eu-west-2_202610${day}T${String(f % 24).padStart(2, '0')}00Z_${f.toString(36).padStart(6, '0')}.json.gz`;
    fs.writeFileSync(path.join(d, name), zlib.gzipSync(JSON.stringify({ Records: recs })));
  }
}

exports.run = ({ row, results, median, RUNS, quick, root }) => {
  const tmp = path.join(__dirname, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const cli = path.join(root, 'dist', 'cli.js');
  const log = path.join(tmp, 'trail-100k.json');
  const count = quick ? 20000 : 100000;
  const bytes = writeLog(fs, log, count);
  const mb = bytes / 1e6;
  const runs = Math.min(RUNS, 3);

  const floorScript = `const t=process.hrtime.bigint();JSON.parse(require('fs').readFileSync(${JSON.stringify(log)},'utf8'));process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const floors = [];
  for (let i = 0; i < runs; i++) floors.push(timed(['-e', floorScript], root));
  const floorMs = median(floors.map((f) => f.ms));
  const floorRss = median(floors.map((f) => f.rssMB));

  const section = { records: count, bytes, floorMs, floorRssMB: floorRss };
  for (const cmd of ['lint', 'activity']) {
    const args = cmd === 'lint' ? [cli, 'lint', log, '--format', 'json', '--fail-on', 'never'] : [cli, 'activity', log];
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(timed(args, root));
    if (samples.some((s) => s.status !== 0)) {
      row('cloudtrail', `${cmd} ${mb.toFixed(0)} MB log`, `failed: ${samples.find((s) => s.status !== 0).stderr.split('\n')[0]}`);
      continue;
    }
    const ms = median(samples.map((s) => s.ms));
    const rss = median(samples.map((s) => s.rssMB));
    section[cmd] = { ms, rssMB: rss };
    row('cloudtrail', `${cmd}: ${count.toLocaleString('en')} records, ${mb.toFixed(0)} MB, wall`, `${(ms / 1000).toFixed(2)} s = ${(ms / floorMs).toFixed(2)}x JSON.parse process (${(floorMs / 1000).toFixed(2)} s)`, '<= 3x', ms / floorMs <= 3);
    row('cloudtrail', `${cmd}: peak RSS`, `${rss.toFixed(0)} MB = ${(rss / mb).toFixed(2)}x file size`, '<= 2.5x', rss / mb <= 2.5);
  }

  // Constant memory across many gzip files: peak RSS at 20, 200 and 1,000 files. V8 grows its
  // young generation (to a fixed cap of about 50 MB) during the first hundred files or so;
  // after that, peak RSS must not grow with the number of files.
  const perFile = quick ? 100 : 500;
  const counts = [20, 200, 1000];
  const folder = {};
  for (const files of counts) {
    const dir = path.join(tmp, `folder-${files}`);
    writeFolder(dir, files, perFile);
    folder[files] = timed([cli, 'lint', dir, '--format', 'json', '--fail-on', 'never'], root);
    if (files === 1000) fs.rmSync(dir, { recursive: true, force: true });
  }
  section.folder = { perFile, ...Object.fromEntries(counts.flatMap((n) => [[`rss${n}`, folder[n].rssMB], [`ms${n}`, folder[n].ms]])) };
  const growth = folder[1000].rssMB / folder[200].rssMB;
  row('cloudtrail', `folder of 1,000 gzip files (${(1000 * perFile).toLocaleString('en')} records): wall`, `${(folder[1000].ms / 1000).toFixed(2)} s`);
  row('cloudtrail', 'folder: peak RSS at 20 / 200 / 1,000 files', `${counts.map((n) => folder[n].rssMB.toFixed(0)).join(' / ')} MB (1,000 vs 200: ${growth.toFixed(2)}x)`, 'constant after warm-up (<= 1.15x)', growth <= 1.15);
  results.sections.cloudtrail = section;
  void execFileSync;
};
