// Packages the demo landlord for every platform from the TV build the global setup made, then opens each package
// the way a TV would and checks it with tools independent of the packager's own checks where there are some.
import { createHash, createVerify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { C14nCanonicalization, ExclusiveCanonicalization } from 'xml-crypto';
import { readAr, readTar, readZip, type ArchiveEntry } from '../src/archive';
import { checkProfile, loadProfile, ProfileError } from '../src/profile';
import { packageApp } from '../src/package';
import type { PackageResult } from '../src/checks';
import { aitProblems } from '../src/hbbtv';
import { propertiesObject, signWidget, verifyWidget } from '../src/signing';
import { createDevCertificates, readPkcs12 } from '../src/certificates';
import { canonicalize, parseXml } from '../src/canonical-xml';
import { manifestsDir, repoRoot } from '../src/paths';

jest.setTimeout(90_000);

const tvDist = path.join(repoRoot, 'apps/tv/dist');
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

function xml(text: string) {
  return new DOMParser().parseFromString(text, 'application/xml');
}

function firstByLocalName(node: { getElementsByTagNameNS(ns: string, name: string): ArrayLike<unknown> }, name: string) {
  return node.getElementsByTagNameNS(DSIG, name)[0] as Element;
}

describe('packaging the demo landlord (Habitat Marseille Provence)', () => {
  let work: string;
  let results: PackageResult[];
  const byPlatform = (platform: string) => results.find((result) => result.platform === platform)!;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'palier-packager-test-'));
    results = await packageApp({
      profile: 'hmp-demo',
      platforms: 'all',
      tvDist,
      outDir: path.join(work, 'packages'),
      devCertificatesDir: path.join(work, 'certificates'),
      env: {},
    });
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds the three platforms the profile lists, each within its budget', () => {
    expect(results.map((result) => result.platform)).toEqual(['tizen', 'webos', 'hbbtv']);
    for (const result of results) {
      expect(result.version).toBe(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
      expect(result.size.bytes).toBeLessThanOrEqual(result.size.budget);
    }
  });

  describe('Tizen', () => {
    let entries: ArchiveEntry[];
    const file = (name: string) => entries.find((entry) => entry.name === name)!;

    beforeAll(() => {
      entries = readZip(readFileSync(byPlatform('tizen').output));
    });

    it('is a widget whose config.xml names the Samsung ids, the entry, the icon and the privileges calls need', () => {
      const widget = xml(file('config.xml').data.toString('utf8')).documentElement!;
      expect(widget.getAttribute('version')).toBe(byPlatform('tizen').version);
      const application = widget.getElementsByTagNameNS('http://tizen.org/ns/widgets', 'application')[0];
      expect(application.getAttribute('package')).toBe('PalierHMP1');
      expect(application.getAttribute('id')).toBe('PalierHMP1.PalierHMP');
      expect(application.getAttribute('required_version')).toBe('3.0');
      const privileges = Array.from(widget.getElementsByTagNameNS('http://tizen.org/ns/widgets', 'privilege')).map((node) =>
        node.getAttribute('name'),
      );
      expect(privileges).toEqual([
        'http://tizen.org/privilege/internet',
        'http://tizen.org/privilege/tv.inputdevice',
        'http://tizen.org/privilege/microphone',
      ]);
      const content = widget.getElementsByTagNameNS('http://www.w3.org/ns/widgets', 'content')[0].getAttribute('src')!;
      expect(file(content)).toBeDefined();
      expect(file('icon.png')).toBeDefined();
      expect(file('palier-config.js').data.toString()).toContain('"landlord":"Habitat Marseille Provence"');
    });

    it('carries author and distributor signatures that verify against the contents, checked with xml-crypto’s canonicalisers', () => {
      const all = entries.filter((entry) => !/^(author-signature|signature\d+)\.xml$/.test(entry.name)).map((entry) => entry.name);
      for (const [name, role, covers] of [
        ['author-signature.xml', 'author', all],
        ['signature1.xml', 'distributor', [...all, 'author-signature.xml']],
      ] as const) {
        const doc = xml(file(name).data.toString('utf8'));
        const signature = doc.documentElement!;
        expect(signature.getAttribute('Id')).toBe(role === 'author' ? 'AuthorSignature' : 'DistributorSignature');
        const signedInfo = firstByLocalName(doc, 'SignedInfo');
        const references = Array.from(signedInfo.getElementsByTagNameNS(DSIG, 'Reference'));
        // every file, once, with its SHA-256
        const digested = references.filter((ref) => !ref.getAttribute('URI')!.startsWith('#'));
        expect(digested.map((ref) => decodeURIComponent(ref.getAttribute('URI')!)).sort()).toEqual([...covers].sort());
        for (const ref of digested) {
          const expected = ref.getElementsByTagNameNS(DSIG, 'DigestValue')[0].textContent;
          const actual = createHash('sha256')
            .update(file(decodeURIComponent(ref.getAttribute('URI')!)).data)
            .digest('base64');
          expect(actual).toBe(expected);
        }
        // the signature properties, canonicalised (C14N; 1.1 gives the same bytes for this content)
        const prop = references.find((ref) => ref.getAttribute('URI') === '#prop')!;
        const object = firstByLocalName(doc, 'Object');
        const objectC14n = new C14nCanonicalization().process(object as never, {}) as string;
        expect(createHash('sha256').update(objectC14n).digest('base64')).toBe(
          prop.getElementsByTagNameNS(DSIG, 'DigestValue')[0].textContent,
        );
        expect(objectC14n).toContain(`widgets-digsig#role-${role}`);
        // the RSA signature over the exclusive canonical SignedInfo, with the certificate in KeyInfo
        const canonical = new ExclusiveCanonicalization().process(signedInfo as never, {}) as string;
        expect(canonical).toBe(canonicalize(signedInfo, 'exclusive'));
        const certificate = new X509Certificate(Buffer.from(firstByLocalName(doc, 'X509Certificate').textContent!, 'base64'));
        const value = firstByLocalName(doc, 'SignatureValue').textContent!;
        expect(createVerify('RSA-SHA256').update(canonical).verify(certificate.publicKey, value, 'base64')).toBe(true);
        expect(certificate.subject).toContain(role);
      }
    });

    it('fails verification when any file is changed after signing', () => {
      const tampered = entries.map((entry) =>
        entry.name === 'palier-config.js'
          ? { ...entry, data: Buffer.from('window.__PALIER_CONFIG__={apiUrl:"https://evil.example"};') }
          : entry,
      );
      expect(() => verifyWidget(tampered)).toThrow(/author-signature\.xml: the digest of palier-config\.js does not match/);
      const extra = [...entries, { name: 'assets/extra.js', data: Buffer.from('1') }];
      expect(() => verifyWidget(extra)).toThrow(/files not covered by the signature: assets\/extra\.js/);
    });

    it('refuses to overwrite a signed package of the same version', async () => {
      await expect(
        packageApp({
          profile: 'hmp-demo',
          platforms: ['tizen'],
          tvDist,
          outDir: path.join(work, 'packages'),
          devCertificatesDir: path.join(work, 'certificates'),
          env: {},
        }),
      ).rejects.toThrow(/is a signed package of version .* not overwritten/);
    });
  });

  describe('webOS', () => {
    it('is an ipk whose appinfo.json LG’s rules accept, with the app under usr/palm/applications/<id>', () => {
      const members = readAr(readFileSync(byPlatform('webos').output));
      expect(members.map((member) => member.name)).toEqual(['debian-binary', 'control.tar.gz', 'data.tar.gz']);
      const control = readTar(members[1].data)
        .find((entry) => entry.name === 'control')!
        .data.toString();
      expect(control).toMatch(/^Package: fr\.hmp\.palier$/m);
      const data = readTar(members[2].data);
      const app = (name: string) => data.find((entry) => entry.name === `usr/palm/applications/fr.hmp.palier/${name}`);
      const info = JSON.parse(app('appinfo.json')!.data.toString());
      expect(info).toMatchObject({
        id: 'fr.hmp.palier',
        title: 'Palier HMP',
        type: 'web',
        main: 'index.html',
        vendor: 'Habitat Marseille Provence',
        supportsAudioGuidance: true,
        disableBackHistoryAPI: true,
      });
      for (const name of [info.main, info.icon, info.largeIcon, 'palier-config.js']) expect(app(name)).toBeDefined();
      const html = app('index.html')!.data.toString();
      expect(html).not.toContain('type="module"');
      expect(html).toContain('System.import');
    });
  });

  describe('HbbTV', () => {
    it('writes an AIT with the structure of TS 102 809 naming the hosted entry page', () => {
      const hbbtv = byPlatform('hbbtv');
      const ait = readFileSync(hbbtv.extras[0], 'utf8');
      expect(aitProblems(ait)).toEqual([]);
      const doc = xml(ait);
      const value = (name: string) => doc.getElementsByTagNameNS('urn:dvb:mhp:2009', name)[0].textContent!.trim();
      expect([value('orgId'), value('appId'), value('controlCode'), value('URLBase'), value('applicationLocation')]).toEqual([
        '4242',
        '1',
        'AUTOSTART',
        'https://tv.hmp.example/palier/',
        'index.xhtml',
      ]);
      const page = readFileSync(path.join(hbbtv.output, 'index.xhtml'), 'utf8');
      expect(page).toContain('<!DOCTYPE html PUBLIC "-//HbbTV//1.1.1//EN"');
      expect(() => parseXml(page, 'index.xhtml')).not.toThrow();
      expect(page).toContain('type="application/oipfApplicationManager"');
    });

    it('finds what is wrong in a broken AIT', () => {
      const ait = readFileSync(byPlatform('hbbtv').extras[0], 'utf8')
        .replace('<mhp:controlCode>AUTOSTART</mhp:controlCode>', '<mhp:controlCode>START</mhp:controlCode>')
        .replace('<mhp:appId>1</mhp:appId>', '<mhp:appId>70000</mhp:appId>');
      expect(aitProblems(ait)).toEqual(['appId 70000 is not a 16-bit application id', 'controlCode START is not a control code']);
    });
  });
});

describe('a landlord profile', () => {
  const demo = () => JSON.parse(readFileSync(path.join(manifestsDir, 'hmp-demo.json'), 'utf8'));
  const file = path.join(manifestsDir, 'hmp-demo.json');

  function problems(data: unknown): string[] {
    try {
      checkProfile('broken', data, file);
    } catch (error) {
      expect(error).toBeInstanceOf(ProfileError);
      return (error as ProfileError).problems;
    }
    throw new Error('the profile was accepted');
  }

  it('loads the demo', () => {
    expect(loadProfile('hmp-demo').landlord.name).toBe('Habitat Marseille Provence');
  });

  it('is refused with a message that names each faulty field', () => {
    const data = demo();
    data.branding.colours.accent = 'teal';
    delete data.apiUrl;
    data.tizen.packageId = 'short';
    data.platforms.push('roku');
    data.colour = '#fff';
    expect(problems(data)).toEqual([
      'apiUrl: is required',
      'colour: is not a profile field',
      'branding.colours.accent: must match ^#[0-9a-fA-F]{6}$ (got "teal")',
      'platforms[3]: must be one of "tizen", "webos", "hbbtv" (got "roku")',
      'tizen.packageId: must match ^[A-Za-z0-9]{10}$ (got "short")',
    ]);
  });

  it('is refused when a platform listed lacks its settings, the colours are unreadable or the icon is missing', () => {
    const data = demo();
    delete data.hbbtv;
    expect(problems(data)).toEqual(['hbbtv: is required']);
    const dark = demo();
    dark.branding.colours.surface = '#c0c0c0';
    dark.branding.icon = 'hmp-demo/missing.png';
    expect(problems(dark)).toEqual([
      expect.stringMatching(/^branding\.icon: no file at /),
      expect.stringMatching(/^branding\.colours\.surface: text would be hard to read on it \(contrast 1\.\d:1/),
    ]);
  });

  it('is refused when its version is not a patch of the repo’s', () => {
    const data = demo();
    data.version = '9.0.0';
    expect(problems(data)).toEqual([expect.stringMatching(/^version: must be a patch of the repo's version/)]);
  });
});

describe('widget signing', () => {
  it('digests the signature properties exactly as Samsung’s own signer does', () => {
    // The constants @tizentv/webide-common-tizentv (Samsung's VS Code signer) uses for #prop.
    const digest = (role: 'author' | 'distributor') => {
      const doc = parseXml(`<Signature xmlns="${DSIG}">${propertiesObject(role)}</Signature>`, 'prop');
      return createHash('sha256').update(canonicalize(doc.documentElement!.firstChild, 'inclusive')).digest('base64');
    };
    expect(digest('author')).toBe('lpo8tUDs054eLlBQXiDPVDVKfw30ZZdtkRs1jd7H5K8=');
    expect(digest('distributor')).toBe('u/jU3U4Zm5ihTMSjKGlGYbWzDfRkGphPPHx3gJIYEJ4=');
  });

  it('signs with the certificates of .p12 files and encodes paths as Tizen does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'palier-certs-'));
    try {
      const made = createDevCertificates({ dir, password: 'secret words' });
      const author = readPkcs12(made.author, 'secret words');
      expect(() => readPkcs12(made.author, 'wrong')).toThrow(/wrong password/);
      const signed = signWidget(
        [
          { name: 'config.xml', data: Buffer.from('<widget/>') },
          { name: 'assets/a b.js', data: Buffer.from('1') },
        ],
        author,
        readPkcs12(made.distributor, 'secret words'),
      );
      expect(signed.map((entry) => entry.name)).toEqual(['config.xml', 'assets/a b.js', 'author-signature.xml', 'signature1.xml']);
      expect(signed[2].data.toString()).toContain('<Reference URI="assets%2Fa%20b.js">');
      expect(verifyWidget(signed).map((signature) => signature.references)).toEqual([2, 3]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
