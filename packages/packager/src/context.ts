// What every platform's packaging step is given.
import type { Profile } from './profile';

export interface PlatformContext {
  profile: Profile;
  /** The built TV app. */
  tvDist: string;
  /** dist/packages/<profile>/ */
  outDir: string;
  /** A scratch folder for staging, removed afterwards. */
  workDir: string;
  /** Overrides the profile's API URL. */
  apiUrl?: string;
  /** Paths in messages are shown relative to this folder. */
  relativeTo: string;
}
