#!/usr/bin/env node
// Installs dependencies and generates the Prisma client before `npm start`, `npm test` or `npm run bench`, only when needed.
// Plain CommonJS without dependencies: it runs on a fresh clone before node_modules exists. When nothing is
// missing it costs a handful of stat calls.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '../../..');
const at = (...parts) => path.join(root, ...parts);
const packageJson = at('package.json');
const packageLock = at('package-lock.json');
const installedLock = at('node_modules', '.package-lock.json');
// Records which install-relevant fields of package.json the current node_modules was checked against.
const installStamp = at('node_modules', '.palier-install-stamp');
const prismaSchema = at('prisma', 'schema.prisma');
const prismaClient = at('node_modules', '.prisma', 'client', 'index.js');
const INSTALL_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'overrides', 'allowScripts', 'workspaces'];

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

function run(command, args) {
  console.log(`[palier] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`[palier] \`${command} ${args.join(' ')}\` failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function installFieldsDigest(manifest) {
  const fields = {};
  for (const field of INSTALL_FIELDS) fields[field] = manifest[field] ?? null;
  return crypto.createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

function sameEntries(a = {}, b = {}) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/**
 * package.json also changes for reasons that need no install (a script edited). Reinstalling in a checkout that
 * others are running from would pull node_modules from under them, so a newer package.json triggers `npm ci` only
 * when its dependency fields changed since the last check, or, with no record yet, when they disagree with the lock.
 */
function packageJsonNeedsInstall() {
  const manifest = readJson(packageJson);
  const digest = installFieldsDigest(manifest);
  let recorded = null;
  try {
    recorded = fs.readFileSync(installStamp, 'utf8').trim();
  } catch {
    const lockRoot = readJson(packageLock).packages?.[''] ?? {};
    const inSync = ['dependencies', 'devDependencies', 'optionalDependencies'].every((field) =>
      sameEntries(manifest[field], lockRoot[field]),
    );
    if (inSync) recorded = digest;
  }
  if (recorded !== digest) return true;
  fs.writeFileSync(installStamp, `${digest}\n`);
  return false;
}

function ensureDependencies() {
  const installed = mtime(installedLock);
  const lock = mtime(packageLock);
  const manifest = mtime(packageJson);
  const stamp = mtime(installStamp);
  let needed = installed === null || (lock !== null && lock > installed);
  if (!needed && manifest > installed && (stamp === null || manifest > stamp)) needed = packageJsonNeedsInstall();
  if (!needed) return false;
  run('npm', ['ci', '--no-audit', '--no-fund']);
  fs.writeFileSync(installStamp, `${installFieldsDigest(readJson(packageJson))}\n`);
  return true;
}

/** After a fresh install, always: npm ci replaces the generated client with @prisma/client's empty stub, newer than the schema. */
function ensurePrismaClient(reinstalled) {
  const generated = mtime(prismaClient);
  if (!reinstalled && generated !== null && generated >= mtime(prismaSchema)) return;
  // The schema reads DATABASE_URL through env(); generating needs no database, but Prisma wants the variable defined.
  process.env.DATABASE_URL ||= 'postgresql://postgres@127.0.0.1:5432/postgres';
  run('npx', ['--no-install', 'prisma', 'generate']);
}

ensurePrismaClient(ensureDependencies());
