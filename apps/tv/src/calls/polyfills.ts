// What livekit-client calls without checking and 2017–2020 TV engines lack (Chromium < 93: Object.hasOwn; < 84: WeakRef).
// Loaded with livekit-client in the call chunk, so TVs that never make a call never download it.

interface HasOwnObject {
  hasOwn?: (target: object, key: PropertyKey) => boolean;
}

const objectConstructor = Object as unknown as HasOwnObject;
if (typeof objectConstructor.hasOwn !== 'function') {
  objectConstructor.hasOwn = function hasOwn(target: object, key: PropertyKey): boolean {
    if (target === null || target === undefined) throw new TypeError('Cannot convert undefined or null to object');
    return Object.prototype.hasOwnProperty.call(Object(target), key);
  };
}

const scope = (typeof window !== 'undefined' ? window : self) as unknown as { WeakRef?: unknown };
if (typeof scope.WeakRef !== 'function') {
  // A strong reference: what livekit-client itself falls back to where it checks. Objects live a little longer
  // (until the call's room is dropped), which on a TV that makes one call at a time is harmless.
  function StrongRef(this: { target: object }, target: object) {
    this.target = target;
  }
  StrongRef.prototype.deref = function deref(this: { target: object }) {
    return this.target;
  };
  scope.WeakRef = StrongRef;
}

export {};
