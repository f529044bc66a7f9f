// A small XML canonicaliser (W3C C14N 1.1 inclusive and Exclusive C14N 1.0, without comments), enough for the
// signature documents: elements, attributes, namespaces and text. Used to verify widget signatures after packaging.
import { DOMParser } from '@xmldom/xmldom';

type XmlNode = {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<XmlNode>;
  parentNode: XmlNode | null;
};
type XmlAttr = XmlNode & { name: string; value: string; prefix: string | null; localName: string; namespaceURI: string | null };
type XmlElement = XmlNode & {
  tagName: string;
  prefix: string | null;
  localName: string;
  namespaceURI: string | null;
  attributes: ArrayLike<XmlAttr>;
};

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

export type Canonicalisation = 'inclusive' | 'exclusive';

export const C14N11 = 'http://www.w3.org/2006/12/xml-c14n11';
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

/** prefix ('' for the default namespace) → URI, as declared on the element itself. */
function declarations(element: XmlElement): Map<string, string> {
  const declared = new Map<string, string>();
  for (const attr of Array.from(element.attributes)) {
    if (attr.name === 'xmlns') declared.set('', attr.value);
    else if (attr.name.startsWith('xmlns:')) declared.set(attr.name.slice(6), attr.value);
  }
  return declared;
}

/** Every namespace in scope at the element (its own declarations over its ancestors'). */
function inScope(element: XmlElement): Map<string, string> {
  const chain: XmlElement[] = [];
  for (let node: XmlNode | null = element; node && node.nodeType === ELEMENT; node = node.parentNode) chain.unshift(node as XmlElement);
  const scope = new Map<string, string>();
  for (const node of chain) for (const [prefix, uri] of declarations(node)) scope.set(prefix, uri);
  return scope;
}

function render(element: XmlElement, mode: Canonicalisation, rendered: Map<string, string>, apex: boolean): string {
  const scope = inScope(element);
  const wanted = new Map<string, string>();
  if (mode === 'inclusive') {
    const candidates = apex ? scope : declarations(element);
    for (const [prefix, uri] of candidates) wanted.set(prefix, uri);
  } else {
    const used = new Set<string>([element.prefix ?? '']);
    for (const attr of Array.from(element.attributes))
      if (attr.prefix && attr.prefix !== 'xmlns' && attr.prefix !== 'xml') used.add(attr.prefix);
    for (const prefix of used) if (scope.has(prefix)) wanted.set(prefix, scope.get(prefix) as string);
  }
  const namespaces = [...wanted]
    .filter(([prefix, uri]) => rendered.get(prefix) !== uri && !(prefix === '' && uri === '' && !rendered.get('')))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const attributes = Array.from(element.attributes)
    .filter((attr) => attr.name !== 'xmlns' && !attr.name.startsWith('xmlns:'))
    .sort((a, b) => {
      const ka = `${a.namespaceURI ?? ''} ${a.localName}`;
      const kb = `${b.namespaceURI ?? ''} ${b.localName}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  const next = new Map(rendered);
  for (const [prefix, uri] of namespaces) next.set(prefix, uri);
  let out = `<${element.tagName}`;
  for (const [prefix, uri] of namespaces) out += ` ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${escapeAttribute(uri)}"`;
  for (const attr of attributes) out += ` ${attr.name}="${escapeAttribute(attr.value)}"`;
  out += '>';
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === ELEMENT) out += render(child as XmlElement, mode, next, false);
    else if (child.nodeType === TEXT || child.nodeType === CDATA) out += escapeText(child.nodeValue ?? '');
  }
  return `${out}</${element.tagName}>`;
}

/** The canonical form of an element of a parsed document (the subtree it roots). */
export function canonicalize(element: unknown, mode: Canonicalisation): string {
  return render(element as XmlElement, mode, new Map(), true);
}

export function parseXml(text: string, what: string): Document {
  const errors: string[] = [];
  let document: Document | undefined;
  try {
    document = new DOMParser({
      errorHandler: (level: string, message: string) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(text, 'application/xml') as unknown as Document;
  } catch (error) {
    errors.push((error as Error).message);
  }
  if (errors.length > 0 || !document || !document.documentElement) throw new Error(`${what} is not well-formed XML: ${errors.join('; ')}`);
  return document;
}
