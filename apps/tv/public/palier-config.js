// The deployment's settings (landlord, API URL, colours, logo). The packager replaces this file per landlord;
// as served by the API at /tv/, the app talks to the origin that served it and keeps Palier's own look.
window.__PALIER_CONFIG__ = window.__PALIER_CONFIG__ || {};
