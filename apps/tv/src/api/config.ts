// Where the API is: ?api=<url> (remembered), else the deployment's palier-config.js, else the build's
// VITE_PALIER_API_URL, else the origin that served the app.
import { deployment } from '../deployment';

const API_KEY = 'palier.api';

function readQuery(name: string): string | null {
  const match = new RegExp('[?&]' + name + '=([^&#]*)').exec(window.location.search);
  return match ? decodeURIComponent(match[1].replace(/\+/g, ' ')) : null;
}

export function queryParameter(name: string): string | null {
  return readQuery(name);
}

export function apiBaseUrl(): string {
  const fromQuery = readQuery('api');
  if (fromQuery) {
    try {
      window.localStorage.setItem(API_KEY, fromQuery);
    } catch {
      // not remembered, still used for this run
    }
    return fromQuery.replace(/\/$/, '');
  }
  try {
    const saved = window.localStorage.getItem(API_KEY);
    if (saved) return saved.replace(/\/$/, '');
  } catch {
    // storage unavailable
  }
  const deployed = deployment().apiUrl;
  if (deployed) return deployed.replace(/\/$/, '');
  const built = import.meta.env.VITE_PALIER_API_URL as string | undefined;
  if (built) return built.replace(/\/$/, '');
  return window.location.protocol + '//' + window.location.host;
}
