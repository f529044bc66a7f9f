// Samsung Tizen: the app as a signed widget (.wgt) with its config.xml.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import path from 'node:path';
import { readZip, writeZip, type ArchiveEntry } from './archive';
import { Checklist, es5Failures, missingScripts, type PackageResult } from './checks';
import { parseXml } from './canonical-xml';
import type { TizenIdentities } from './certificates';
import type { PlatformContext } from './context';
import { renderTemplate, escapeXml } from './templates';
import { AUTHOR_SIGNATURE, DISTRIBUTOR_SIGNATURE, signWidget, verifyWidget } from './signing';
import { stageApp } from './stage';

export const TIZEN_BUDGET_BYTES = 1.5 * 1024 * 1024;

const WIDGETS = 'http://www.w3.org/ns/widgets';
const TIZEN = 'http://tizen.org/ns/widgets';

export function tizenPrivileges(calls: boolean): string[] {
  return [
    'http://tizen.org/privilege/internet',
    'http://tizen.org/privilege/tv.inputdevice',
    ...(calls ? ['http://tizen.org/privilege/microphone'] : []),
  ];
}

/** Samsung's application id: the package id, a dot, and a name of letters and digits. */
export function tizenApplicationId(packageId: string, appName: string): string {
  const name = appName.replace(/[^A-Za-z0-9]/g, '') || 'Palier';
  return `${packageId}.${name}`;
}

export function tizenConfigXml(context: PlatformContext): string {
  const { profile } = context;
  const tizen = profile.tizen!;
  return renderTemplate('tizen/config.xml', {
    widgetId: `https://palier.fr/app/${profile.appId}`,
    version: profile.version,
    tizenApplicationId: tizenApplicationId(tizen.packageId, profile.appName),
    tizenPackageId: tizen.packageId,
    tizenRequiredVersion: tizen.requiredVersion ?? '3.0',
    appName: profile.appName,
    description: profile.description ?? profile.appName,
    landlordName: profile.landlord.name,
    landlordWebsite: profile.landlord.website ?? profile.apiUrl,
    landlordEmail: profile.landlord.email ?? '',
    privileges: tizenPrivileges(profile.calls)
      .map((name) => `    <tizen:privilege name="${escapeXml(name)}"/>`)
      .join('\n'),
    profile: profile.name,
  });
}

function filesOf(dir: string, prefix = ''): ArchiveEntry[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      const relative = prefix + name;
      return statSync(full).isDirectory() ? filesOf(full, `${relative}/`) : [{ name: relative, data: readFileSync(full) }];
    });
}

function hasSignatures(file: string): boolean {
  try {
    return readZip(readFileSync(file)).some((entry) => entry.name === AUTHOR_SIGNATURE || entry.name === DISTRIBUTOR_SIGNATURE);
  } catch {
    return false;
  }
}

export function packageTizen(context: PlatformContext, identities: TizenIdentities): PackageResult {
  const { profile } = context;
  const output = path.join(context.outDir, 'tizen', `${profile.name}-${profile.version}.wgt`);
  if (existsSync(output) && hasSignatures(output)) {
    throw new Error(
      `${path.relative(context.relativeTo, output)} is a signed package of version ${profile.version}: it is not overwritten ` +
        `(a TV refuses a different package with the same version). Bump the version, or delete the file on purpose.`,
    );
  }
  const appDir = path.join(context.workDir, 'tizen');
  stageApp({ tvDist: context.tvDist, dir: appDir, profile, apiUrl: context.apiUrl, legacyOnly: true });
  cpSync(profile.iconFile, path.join(appDir, 'icon.png'));
  writeFileSync(path.join(appDir, 'config.xml'), tizenConfigXml(context));
  const signed = signWidget(filesOf(appDir), identities.author, identities.distributor);
  mkdirSync(path.dirname(output), { recursive: true });
  // config.xml first, as Tizen Studio writes it; the order has no meaning to the signature.
  const ordered = [...signed.filter((entry) => entry.name === 'config.xml'), ...signed.filter((entry) => entry.name !== 'config.xml')];
  writeFileSync(output, writeZip(ordered));
  return checkTizenPackage(output, context, identities);
}

/** Opens the .wgt as a TV would and checks it. */
export function checkTizenPackage(file: string, context: PlatformContext, identities?: TizenIdentities): PackageResult {
  const { profile } = context;
  const checks = new Checklist();
  const entries = readZip(readFileSync(file));
  const names = new Set(entries.map((entry) => entry.name));
  const text = (name: string) => entries.find((entry) => entry.name === name)?.data.toString('utf8') ?? '';

  checks.check('both signatures verify (every file digested, RSA-SHA256 over exclusive C14N)', () => {
    verifyWidget(entries);
  });
  checks.check('config.xml is a widget manifest naming the app, version and files', () => {
    const widget = parseXml(text('config.xml'), 'config.xml').documentElement as Element;
    if (widget.localName !== 'widget' || widget.namespaceURI !== WIDGETS) return 'the root is not a W3C widget';
    if (widget.getAttribute('version') !== profile.version) return `version ${widget.getAttribute('version')} is not ${profile.version}`;
    const application = widget.getElementsByTagNameNS(TIZEN, 'application')[0];
    if (!application) return 'no tizen:application';
    const packageId = profile.tizen!.packageId;
    if (application.getAttribute('package') !== packageId) return `tizen:application package is not ${packageId}`;
    if (application.getAttribute('id') !== tizenApplicationId(packageId, profile.appName))
      return 'tizen:application id is not <package>.<name>';
    if (!/^\d\.\d$/.test(application.getAttribute('required_version') ?? '')) return 'required_version is missing';
    const content = widget.getElementsByTagNameNS(WIDGETS, 'content')[0]?.getAttribute('src');
    if (!content || !names.has(content)) return `content src ${content} is not in the package`;
    const icon = widget.getElementsByTagNameNS(WIDGETS, 'icon')[0]?.getAttribute('src');
    if (!icon || !names.has(icon)) return `icon ${icon} is not in the package`;
    const privileges = Array.from(widget.getElementsByTagNameNS(TIZEN, 'privilege')).map((node) => node.getAttribute('name'));
    const missing = tizenPrivileges(profile.calls).filter((name) => !privileges.includes(name));
    if (missing.length > 0) return `missing privileges ${missing.join(', ')}`;
    if (!profile.calls && privileges.some((name) => name?.endsWith('/microphone'))) return 'asks for the microphone without calls';
    return null;
  });
  checks.check('index.html loads only scripts the package has', () => {
    const missing = missingScripts(text('index.html'), names);
    return missing.length > 0 ? `missing ${missing.join(', ')}` : null;
  });
  checks.check('palier-config.js names the landlord and the API', () => {
    const config = text('palier-config.js');
    return config.includes(JSON.stringify(context.apiUrl ?? profile.apiUrl)) && config.includes(JSON.stringify(profile.landlord.name))
      ? null
      : 'not this profile';
  });
  checks.check('all JavaScript is ES5 (Tizen 3, Chromium 47)', () => {
    const failures = es5Failures(entries);
    return failures.length > 0 ? failures.join('; ') : null;
  });
  const bytes = statSync(file).size;
  checks.check('size within budget', () => (bytes > TIZEN_BUDGET_BYTES ? `${bytes} bytes` : null));
  checks.throwIfFailed('tizen');
  return {
    platform: 'tizen',
    output: file,
    extras: [],
    version: profile.version,
    size: { label: 'wgt', bytes, budget: TIZEN_BUDGET_BYTES },
    checks: checks.passed,
    notes: identities?.development
      ? [`signed with development certificates (${identities.source}): a retail Samsung TV needs Samsung-issued ones`]
      : [],
  };
}
