// Packages the TV app per landlord for Samsung Tizen, LG webOS and HbbTV; the command line is in cli.ts.
export { packageApp, parsePlatforms, type PackageOptions } from './package';
export { loadProfile, checkProfile, ProfileError, type Profile, type PlatformName } from './profile';
export { createDevCertificates, readPkcs12, tizenIdentities } from './certificates';
export { signWidget, verifyWidget, verifySignatureFile } from './signing';
export { type PackageResult, PackageCheckError } from './checks';
