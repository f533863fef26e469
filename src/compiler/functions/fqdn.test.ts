// fqdn_rand / fqdn_rotate give Puppet's numbers (Ruby's MT19937 seeded from an MD5): the manifest
// fixtures/fqdn/site.pp compiled by real Puppet with fixtures/fqdn/facts.json logged expected.txt.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MiniEvaluator } from "./test-support/mini-eval.js";
import { jsToValue } from "../hiera/data.js";
import type { PHash } from "../values.js";

const dir = join(fileURLToPath(new URL(".", import.meta.url)), "fixtures", "fqdn");

describe("fqdn_rand and fqdn_rotate agree with Puppet", () => {
  it("logs the same notices", () => {
    const facts = jsToValue(JSON.parse(readFileSync(join(dir, "facts.json"), "utf8"))) as PHash;
    const ev = new MiniEvaluator().withFacts(facts);
    ev.evaluate(readFileSync(join(dir, "site.pp"), "utf8"));
    expect(ev.logs.join("\n")).toBe(readFileSync(join(dir, "expected.txt"), "utf8").trim());
  });
});
