#!/usr/bin/env node
// compile-bench.mjs — times `cfg compile` against real Puppet (`ref-compile.sh`, i.e. `puppet catalog
// compile`) on generated environments of about 1k, 10k and 100k resources, in the same run, and
// checks that both catalogs are equal (compare.mjs, with --order).
//
//   node bench/compile-bench.mjs [--sizes 1000,10000,100000] [--runs N] [--puppet-sizes 1000,10000]
//                                [--ref DIR (default ../shared/reference)]
//
// Whole process each time (Node start-up included for cfg, Ruby start-up for Puppet); the median of
// --runs runs (default 3 for cfg, 1 for Puppet). Peak RSS from /usr/bin/time. Needs `npm run build`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const root = resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const sizes = opt('--sizes', '1000,10000,100000').split(',').map(Number);
const puppetSizes = new Set(opt('--puppet-sizes', '1000,10000').split(',').filter(Boolean).map(Number));
const runs = Number(opt('--runs', '3'));
const ref = resolve(opt('--ref', join(root, '..', 'shared', 'reference')));
const node = 'web01.example.com';

function timed(cmd, argv, env = {}) {
  const out = join(tmp, `out-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', '-o', out + '.time', cmd, ...argv], {
    env: { ...process.env, ...env },
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [secs, kb, user, sys] = readFileSync(out + '.time', 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { secs, cpu: user + sys, mb: kb / 1024, status: r.status, stdout: r.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const tmp = mkdtempSync(join(tmpdir(), 'cfg-compile-bench-'));
const rows = [];
try {
  for (const n of sizes) {
    const env = join(tmp, `env${n}`);
    execFileSync('node', [join(here, 'gen-manifest.mjs'), String(n), env], { stdio: 'ignore' });
    const facts = join(env, 'facts.json');
    const cfgRuns = [];
    let cfgOut;
    for (let i = 0; i < runs; i++) {
      const r = timed('node', [join(root, 'bin', 'cfg.mjs'), 'compile', env, '--node', node, '--facts', facts]);
      if (r.status !== 0) throw new Error(`cfg compile failed at ${n}`);
      cfgRuns.push(r);
      cfgOut = r.stdout;
    }
    const cfgPath = join(tmp, `cfg${n}.json`);
    writeFileSync(cfgPath, cfgOut);
    const resources = JSON.parse(cfgOut.toString()).resources.length;
    const row = { n, resources, cfgSecs: median(cfgRuns.map((r) => r.secs)), cfgCpu: median(cfgRuns.map((r) => r.cpu)), cfgMb: Math.max(...cfgRuns.map((r) => r.mb)) };
    if (puppetSizes.has(n) && existsSync(join(ref, 'ref-compile.sh'))) {
      const p = timed(join(ref, 'ref-compile.sh'), [env, facts, node], { REF_NORMALIZE: '1' });
      if (p.status === 0) {
        const pPath = join(tmp, `puppet${n}.json`);
        writeFileSync(pPath, p.stdout);
        row.puppetSecs = p.secs;
        row.puppetCpu = p.cpu;
        row.puppetMb = p.mb;
        const cmp = spawnSync('node', [join(root, 'tests', 'conformance', 'compare.mjs'), pPath, cfgPath, '--root', env, '--order', '--quiet']);
        row.equal = cmp.status === 0;
      }
    }
    rows.push(row);
    console.error(JSON.stringify(row));
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`load average at the end: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('| resources | cfg wall (CPU) | cfg peak RSS | puppet wall (CPU) | puppet peak RSS | speed-up wall (CPU) | catalogs equal |');
console.log('|---:|---:|---:|---:|---:|---:|:---:|');
for (const r of rows) {
  console.log(
    `| ${r.resources} | ${r.cfgSecs.toFixed(2)} s (${r.cfgCpu.toFixed(2)} s) | ${r.cfgMb.toFixed(0)} MB | ${r.puppetSecs !== undefined ? `${r.puppetSecs.toFixed(2)} s (${r.puppetCpu.toFixed(2)} s)` : '-'} | ${r.puppetMb !== undefined ? r.puppetMb.toFixed(0) + ' MB' : '-'} | ${r.puppetSecs !== undefined ? `${(r.puppetSecs / r.cfgSecs).toFixed(1)}x (${(r.puppetCpu / r.cfgCpu).toFixed(1)}x)` : '-'} | ${r.equal === undefined ? '-' : r.equal ? 'yes' : 'NO'} |`,
  );
}
if (rows.length >= 2) {
  const a = rows[0];
  const b = rows[rows.length - 1];
  console.log(`\nper-resource time: ${((a.cfgSecs / a.resources) * 1e6).toFixed(0)} us at ${a.resources}, ${((b.cfgSecs / b.resources) * 1e6).toFixed(0)} us at ${b.resources}`);
}
