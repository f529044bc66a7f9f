// HbbTV: a hosted app (an XHTML entry page with the OIPF application manager) and the AIT that signals it.
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Checklist, es5Failures, gzipBytes, missingScripts, type PackageResult } from './checks';
import { parseXml } from './canonical-xml';
import type { PlatformContext } from './context';
import { escapeXml, renderTemplate } from './templates';
import { CONFIG_FILE, scriptsOf, stageApp } from './stage';
import type { ArchiveEntry } from './archive';

/** The first load over the tenants' 2 Mbit/s line (gzip): entry page, settings, scripts. */
export const HBBTV_FIRST_LOAD_BUDGET_BYTES = 260 * 1024;
export const HBBTV_ENTRY = 'index.xhtml';
export const AIT_MIME = 'application/vnd.dvb.ait+xml';
export const HBBTV_MIME = 'application/vnd.hbbtv.xhtml+xml';

const MHP = 'urn:dvb:mhp:2009';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const LANGUAGES = { fr: 'fra', en: 'eng', ar: 'ara' } as const;

/** The AIT's 8-bit application version, from the repo's version: major×100 + minor×10 + patch, modulo 256. */
export function aitVersion(version: string): number {
  const [major, minor, patch] = version.split('.').map(Number);
  return (major * 100 + minor * 10 + patch) % 256;
}

export function aitXml(context: PlatformContext): string {
  const { profile } = context;
  const hbbtv = profile.hbbtv!;
  const origin = new URL(hbbtv.baseUrl).origin + '/';
  const boundaries = [origin, ...(hbbtv.boundary ?? [])];
  return renderTemplate('hbbtv/ait.xml', {
    domainName: new URL(hbbtv.baseUrl).hostname,
    aitLanguage: LANGUAGES[profile.defaultLanguage],
    appName: profile.appName,
    orgId: hbbtv.orgId,
    hbbtvAppId: hbbtv.appId,
    controlCode: hbbtv.controlCode ?? 'PRESENT',
    visibility: hbbtv.visibility ?? 'VISIBLE_ALL',
    priority: hbbtv.priority ?? 1,
    aitVersion: aitVersion(profile.version),
    boundaryExtensions: boundaries.map((url) => `          <mhp:BoundaryExtension>${escapeXml(url)}</mhp:BoundaryExtension>`).join('\n'),
    baseUrl: hbbtv.baseUrl,
  });
}

/** The XHTML entry page around the legacy bundle, whose file names it reads from the built index.html. */
export function entryPage(context: PlatformContext, builtIndex: string): string {
  const polyfills = /id="vite-legacy-polyfill" src="\.?\/?([^"]+)"/.exec(builtIndex)?.[1];
  const entry = /id="vite-legacy-entry" data-src="\.?\/?([^"]+)"/.exec(builtIndex)?.[1];
  if (!polyfills || !entry) throw new Error('the TV build has no legacy bundle (is @vitejs/plugin-legacy still configured?)');
  // SystemJS takes "assets/…" for a bare module name: the entry keeps its "./".
  const scripts =
    `<script type="text/javascript" id="vite-legacy-polyfill" src="${escapeXml(polyfills)}"></script>\n` +
    `<script type="text/javascript" id="vite-legacy-entry" data-src="./${escapeXml(entry)}">\n//<![CDATA[\n` +
    `System.import(document.getElementById('vite-legacy-entry').getAttribute('data-src'));\n//]]>\n</script>`;
  return renderTemplate('hbbtv/index.xhtml', {
    language: context.profile.defaultLanguage,
    appName: context.profile.appName,
    background: context.profile.branding.colours.background,
    scripts,
  });
}

function filesOf(dir: string, prefix = ''): ArchiveEntry[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesOf(full, `${prefix}${name}/`) : [{ name: prefix + name, data: readFileSync(full) }];
    });
}

export function packageHbbtv(context: PlatformContext): PackageResult {
  const { profile } = context;
  const appDir = path.join(context.outDir, 'hbbtv', `${profile.name}-${profile.version}`);
  stageApp({ tvDist: context.tvDist, dir: appDir, profile, apiUrl: context.apiUrl, legacyOnly: true });
  const builtIndex = readFileSync(path.join(appDir, 'index.html'), 'utf8');
  writeFileSync(path.join(appDir, HBBTV_ENTRY), entryPage(context, builtIndex));
  unlinkSync(path.join(appDir, 'index.html'));
  cpSync(profile.iconFile, path.join(appDir, 'icon.png'));
  const ait = `${appDir}.ait.xml`;
  rmSync(ait, { force: true });
  writeFileSync(ait, aitXml(context));
  return checkHbbtvPackage(appDir, ait, context);
}

function child(parent: Element, name: string): Element | undefined {
  return Array.from(parent.childNodes).find((node): node is Element => node.nodeType === 1 && (node as Element).localName === name);
}

function children(parent: Element): Element[] {
  return Array.from(parent.childNodes).filter((node): node is Element => node.nodeType === 1);
}

const text = (element: Element | undefined) => (element?.textContent ?? '').trim();

/**
 * The AIT's structure as ETSI TS 102 809's XML AIT schema has it: the elements in their order, in the mhp namespace,
 * with values in their ranges. Returns the problems found.
 */
export function aitProblems(xml: string): string[] {
  const problems: string[] = [];
  const root = parseXml(xml, 'AIT').documentElement as Element;
  if (root.localName !== 'ServiceDiscovery' || root.namespaceURI !== MHP) return [`the root is not mhp:ServiceDiscovery in ${MHP}`];
  const discovery = child(root, 'ApplicationDiscovery');
  if (!discovery) return ['no ApplicationDiscovery'];
  if (!discovery.getAttribute('DomainName')) problems.push('ApplicationDiscovery has no DomainName');
  const list = child(discovery, 'ApplicationList');
  const applications = list ? children(list).filter((node) => node.localName === 'Application') : [];
  if (applications.length === 0) return [...problems, 'no ApplicationList/Application'];
  for (const application of applications) {
    const order = [
      'appName',
      'applicationIdentifier',
      'applicationDescriptor',
      'applicationUsageDescriptor',
      'applicationBoundary',
      'applicationTransport',
      'applicationLocation',
      'applicationSpecificDescriptor',
    ];
    const seen = children(application).map((node) => node.localName);
    const positions = seen.map((name) => order.indexOf(name));
    if (positions.some((position) => position < 0))
      problems.push(`unknown elements in Application: ${seen.filter((n) => !order.includes(n)).join(', ')}`);
    if (positions.some((position, i) => i > 0 && position < positions[i - 1]))
      problems.push(`Application's elements are out of order: ${seen.join(', ')}`);
    if (children(application).some((node) => node.namespaceURI !== MHP)) problems.push(`Application's elements must be in ${MHP}`);
    const identifier = child(application, 'applicationIdentifier');
    const orgId = Number(text(identifier && child(identifier, 'orgId')));
    const appId = Number(text(identifier && child(identifier, 'appId')));
    if (!Number.isInteger(orgId) || orgId < 1 || orgId > 0xffffffff) problems.push(`orgId ${orgId} is not a 32-bit organisation id`);
    if (!Number.isInteger(appId) || appId < 1 || appId > 0xffff) problems.push(`appId ${appId} is not a 16-bit application id`);
    const descriptor = child(application, 'applicationDescriptor');
    if (!descriptor) {
      problems.push('no applicationDescriptor');
      continue;
    }
    const descriptorOrder = children(descriptor).map((node) => node.localName);
    const expected = ['type', 'controlCode', 'visibility', 'serviceBound', 'priority', 'version', 'mhpVersion'];
    if (expected.join() !== descriptorOrder.filter((name) => expected.includes(name)).join())
      problems.push(`applicationDescriptor must hold ${expected.join(', ')} in that order`);
    const type = child(descriptor, 'type');
    if (text(type && child(type, 'OtherApp')) !== HBBTV_MIME) problems.push(`type/OtherApp must be ${HBBTV_MIME}`);
    const control = text(child(descriptor, 'controlCode'));
    if (!['AUTOSTART', 'PRESENT', 'DESTROY', 'KILL', 'DISABLED'].includes(control))
      problems.push(`controlCode ${control} is not a control code`);
    const visibility = text(child(descriptor, 'visibility'));
    if (!['VISIBLE_ALL', 'NOT_VISIBLE_USERS', 'NOT_VISIBLE_ALL'].includes(visibility))
      problems.push(`visibility ${visibility} is not valid`);
    if (!['true', 'false'].includes(text(child(descriptor, 'serviceBound')))) problems.push('serviceBound is not a boolean');
    for (const name of ['priority', 'version']) {
      const value = Number(text(child(descriptor, name)));
      if (!Number.isInteger(value) || value < 0 || value > 255) problems.push(`${name} ${text(child(descriptor, name))} is not 0–255`);
    }
    const transport = child(application, 'applicationTransport');
    if (!transport || transport.getAttributeNS(XSI, 'type') !== 'mhp:HTTPTransportType')
      problems.push('applicationTransport is not an mhp:HTTPTransportType');
    const base = text(transport && child(transport, 'URLBase'));
    if (!/^https?:\/\/.+\/$/.test(base)) problems.push(`URLBase ${base} is not an http(s) URL ending with /`);
    if (!text(child(application, 'applicationLocation'))) problems.push('no applicationLocation');
    const boundary = child(application, 'applicationBoundary');
    const extensions = boundary ? children(boundary).map((node) => text(node)) : [];
    if (base && !extensions.some((extension) => base.startsWith(extension))) problems.push('the app’s own origin is outside its boundary');
  }
  return problems;
}

export function checkHbbtvPackage(appDir: string, aitFile: string, context: PlatformContext): PackageResult {
  const { profile } = context;
  const checks = new Checklist();
  const files = filesOf(appDir);
  const names = new Set(files.map((file) => file.name));
  const entry = readFileSync(path.join(appDir, HBBTV_ENTRY), 'utf8');
  const ait = readFileSync(aitFile, 'utf8');

  checks.check(`the AIT (${AIT_MIME}) has the structure of TS 102 809`, () => aitProblems(ait).join('; ') || null);
  checks.check('the AIT names this app, its ids and an entry page the folder has', () => {
    const root = parseXml(ait, 'AIT');
    const location = text(root.getElementsByTagNameNS(MHP, 'applicationLocation')[0] as Element);
    if (!existsSync(path.join(appDir, location.split('?')[0]))) return `${location} is not in ${path.basename(appDir)}`;
    if (text(root.getElementsByTagNameNS(MHP, 'URLBase')[0] as Element) !== profile.hbbtv!.baseUrl)
      return 'URLBase is not the profile’s baseUrl';
    if (text(root.getElementsByTagNameNS(MHP, 'orgId')[0] as Element) !== String(profile.hbbtv!.orgId))
      return 'orgId differs from the profile';
    return null;
  });
  checks.check('the entry page is well-formed XHTML with the HbbTV doctype and the OIPF application manager', () => {
    const page = parseXml(entry, HBBTV_ENTRY);
    if (!/<!DOCTYPE html PUBLIC "-\/\/HbbTV\/\/1\.1\.1\/\/EN"/.test(entry)) return 'no HbbTV doctype';
    const objects = Array.from(page.getElementsByTagName('object')).map((node) => node.getAttribute('type'));
    if (!objects.includes('application/oipfApplicationManager')) return 'no application/oipfApplicationManager object';
    return /keyset\.setValue\(/.test(entry) && /\.show\(\)/.test(entry) ? null : 'the page neither requests its keyset nor shows the app';
  });
  checks.check('the entry page loads only scripts the folder has', () => {
    const missing = missingScripts(entry, names);
    return missing.length > 0 ? `missing ${missing.join(', ')}` : !names.has(CONFIG_FILE) ? `no ${CONFIG_FILE}` : null;
  });
  checks.check('all JavaScript is ES5 (HbbTV WebKits)', () => {
    const failures = es5Failures(files);
    return failures.length > 0 ? failures.join('; ') : null;
  });
  // What the terminal fetches before the first screen: the page, its settings and the scripts it names (the video-call
  // chunk and the fonts come later, and fonts are cached).
  const firstLoadNames = new Set([HBBTV_ENTRY, CONFIG_FILE, ...scriptsOf(entry)]);
  const firstLoad = files.filter((file) => firstLoadNames.has(file.name));
  const bytes = gzipBytes(firstLoad);
  checks.check('first load within budget', () => (bytes > HBBTV_FIRST_LOAD_BUDGET_BYTES ? `${bytes} bytes gzip` : null));
  checks.throwIfFailed('hbbtv');
  return {
    platform: 'hbbtv',
    output: appDir,
    extras: [aitFile],
    version: profile.version,
    size: { label: `first load gzip, ${((bytes * 8) / 2_000_000).toFixed(1)} s at 2 Mbit/s`, bytes, budget: HBBTV_FIRST_LOAD_BUDGET_BYTES },
    checks: checks.passed,
    notes: [
      `serve ${path.basename(appDir)}/ at ${profile.hbbtv!.baseUrl} (${HBBTV_ENTRY} as ${HBBTV_MIME}); signal or serve ${path.basename(aitFile)} as ${AIT_MIME}`,
    ],
  };
}
