#!/usr/bin/env node
// Apply benchmark (issue 4): a manifest of 1,000 files (in 20 directories) and 100 execs guarded
// by `unless`, applied twice by cfg and twice by `puppet apply`, in the same run. The first run
// creates everything; the second finds nothing to do. Whole processes, same facts file for both
// (neither runs its fact gathering), peak RSS from /usr/bin/time.
//   node bench/apply-bench.mjs [--files 1000] [--execs 100] [--runs 3]
// Needs: npm run build; puppet-agent (Debian); root (the second-run figure is what matters).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, d) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : d;
};
const FILES = opt("files", 1000);
const EXECS = opt("execs", 100);
const RUNS = opt("runs", 3);

function manifest(target) {
  const out = [`file { '${target}': ensure => directory }`];
  const dirs = 20;
  for (let d = 0; d < dirs; d++) out.push(`file { '${target}/d${d}': ensure => directory, mode => '0755' }`);
  for (let i = 0; i < FILES; i++) {
    out.push(`file { '${target}/d${i % dirs}/f${i}.conf':\n  ensure  => file,\n  content => "setting_${i} = value ${i}\\nother = ${i * 7}\\n",\n  mode    => '0644',\n}`);
  }
  for (let i = 0; i < EXECS; i++) {
    out.push(`exec { 'marker-${i}':\n  command => '/usr/bin/touch ${target}/m${i}',\n  unless  => '/usr/bin/test -e ${target}/m${i}',\n  require => File['${target}'],\n}`);
  }
  return out.join("\n") + "\n";
}

function timed(cmd, argv, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", cmd, ...argv], { encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rssKb = Number(r.stderr.trim().split("\n").pop());
  return { ms, rssMb: rssKb / 1024, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const work = mkdtempSync(join(tmpdir(), "cfg-apply-bench-"));
const facts = join(work, "facts.json");
writeFileSync(facts, JSON.stringify({ networking: { fqdn: "bench.example.com", hostname: "bench" }, os: { family: "Debian" } }));
// Puppet reads supplied facts from its client data dir (the json facts terminus).
mkdirSync(join(work, "client_data", "facts"), { recursive: true });
writeFileSync(join(work, "client_data", "facts", "bench.example.com.json"), JSON.stringify({ name: "bench.example.com", values: { clientcert: "bench.example.com", networking: { fqdn: "bench.example.com", hostname: "bench" }, os: { family: "Debian" } } }));
const cfgTarget = join(work, "cfg-target");
const puppetTarget = join(work, "puppet-target");
writeFileSync(join(work, "cfg.pp"), manifest(cfgTarget));
writeFileSync(join(work, "puppet.pp"), manifest(puppetTarget));
const results = { cfg: { first: [], second: [], rss: [] }, puppet: { first: [], second: [], rss: [] } };

for (let run = 0; run < RUNS; run++) {
  for (const tool of ["cfg", "puppet"]) {
    const target = tool === "cfg" ? cfgTarget : puppetTarget;
    rmSync(target, { recursive: true, force: true });
    for (const phase of ["first", "second"]) {
      let r;
      if (tool === "cfg") {
        r = timed("node", [join(root, "bin/cfg.mjs"), "apply", join(work, "cfg.pp"), "--facts", facts, "--node", "bench.example.com", "--vardir", join(work, "cfg-var"), "--detailed-exitcodes"]);
      } else {
        // puppet apply itself (as ref-apply.sh runs it, without that script's report conversion).
        const d = join(work, "puppet-state");
        r = timed("puppet", ["apply", join(work, "puppet.pp"), "--confdir", join(d, "conf"), "--vardir", join(d, "var"), "--codedir", join(d, "code"), "--statedir", join(d, "state"), "--basemodulepath", "", "--color", "false", "--detailed-exitcodes", "--certname", "bench.example.com", "--facts_terminus", "json", "--client_datadir", join(work, "client_data")]);
      }
      const expected = phase === "first" ? 2 : 0;
      if (r.status !== expected) {
        console.error(`${tool} ${phase} run exited ${r.status} (expected ${expected})\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
        process.exit(1);
      }
      results[tool][phase].push(r.ms);
      results[tool].rss.push(r.rssMb);
    }
  }
}
rmSync(work, { recursive: true, force: true });
const row = (name, c, p) => `| ${name} | ${c.toFixed(0)} ms | ${p.toFixed(0)} ms | ${(p / c).toFixed(1)}x |`;
const c1 = median(results.cfg.first), c2 = median(results.cfg.second);
const p1 = median(results.puppet.first), p2 = median(results.puppet.second);
console.log(`apply bench: ${FILES} files + ${EXECS} execs (unless guards), median of ${RUNS} runs, whole processes`);
console.log("| run | cfg apply | puppet apply | ratio |\n|---|---|---|---|");
console.log(row("first (creates everything)", c1, p1));
console.log(row("second (nothing to do)", c2, p2));
console.log(`peak RSS: cfg ${Math.max(...results.cfg.rss).toFixed(0)} MB, puppet ${Math.max(...results.puppet.rss).toFixed(0)} MB`);
console.log(`load average: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
void execFileSync;
