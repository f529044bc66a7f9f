// A form's JSON Schema: checked when a clerk saves it (meta-schema, compilation, the x-palier extension, widget fit),
// turned into the questions the TV asks, and compiled to validate tenants' answers — with Ajv 8's 2020-12 dialect and
// ajv-formats, the validator Fastify itself uses.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Value } from 'typebox/value';
import {
  EServiceFormExtension,
  type EServiceFormSchema,
  type EServiceQuestion,
  type EServiceWidget,
  type LocalizedText,
} from '@palier/contracts';

export const JSON_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';
export const EXTENSION = 'x-palier';

export interface FieldError {
  field: string;
  message: string;
}

/** A fresh Ajv per compilation: clerks' schemas may carry `$id`s, and versions are compiled once then cached. */
function newAjv(): Ajv2020 {
  // Answers are taken as sent: no coercion, no defaults written into them. allErrors names every failing question;
  // the body limit (256 kB) bounds the work.
  const ajv = new Ajv2020({ strict: true, allErrors: true, coerceTypes: false, useDefaults: false, addUsedSchema: false });
  // Formats only: ajv-formats' formatMinimum/formatMaximum keywords generate code with its own copy of Ajv, which breaks
  // with ours (a strict Ajv then refuses those keywords by name, which the clerk sees).
  addFormats(ajv, { keywords: false });
  ajv.addKeyword({ keyword: EXTENSION, schemaType: 'object' });
  return ajv;
}

function pointer(path: string, ...more: string[]): string {
  return [path, ...more.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))].join('/');
}

type PropertySchema = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Which JSON Schema shape each widget asks for; returns what is wrong, or null. */
function widgetMismatch(widget: EServiceWidget, property: PropertySchema): string | null {
  const enumOfStrings = (value: unknown) => Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
  switch (widget) {
    case 'choice':
      return property.type === 'string' && enumOfStrings(property.enum) ? null : 'a choice needs {"type": "string", "enum": [...]}';
    case 'multiChoice':
      return property.type === 'array' && isObject(property.items) && enumOfStrings(property.items.enum)
        ? null
        : 'a multiChoice needs {"type": "array", "items": {"type": "string", "enum": [...]}}';
    case 'date':
      return property.type === 'string' && property.format === 'date' ? null : 'a date needs {"type": "string", "format": "date"}';
    case 'text':
      return property.type === 'string' && typeof property.maxLength === 'number' && property.maxLength <= 200
        ? null
        : 'a text needs {"type": "string", "maxLength": 200 or less} (use longText for more)';
    case 'longText':
      return property.type === 'string' ? null : 'a longText needs {"type": "string"}';
    case 'number':
      return property.type === 'integer' || property.type === 'number' ? null : 'a number needs {"type": "integer"} or {"type": "number"}';
    case 'yesNo':
      return property.type === 'boolean' ? null : 'a yesNo needs {"type": "boolean"}';
  }
}

function ajvErrors(errors: ErrorObject[] | null | undefined, prefix: string): FieldError[] {
  return (errors ?? []).map((error) => ({
    field: prefix + error.instancePath || '/',
    message: `${error.message ?? 'is invalid'}${error.keyword === 'enum' ? ` (${JSON.stringify(error.params.allowedValues)})` : ''}`,
  }));
}

export interface CheckedSchema {
  errors: FieldError[];
  questions: EServiceQuestion[];
}

/**
 * Everything a clerk can get wrong, each error named by a JSON pointer into their schema. Empty errors: the schema can
 * be saved and published, and `questions` is what the TV will ask.
 */
export function checkFormSchema(schema: unknown): CheckedSchema {
  const none: CheckedSchema = { errors: [], questions: [] };
  if (!isObject(schema)) return { ...none, errors: [{ field: '/', message: 'must be a JSON object' }] };
  const errors: FieldError[] = [];
  if (schema.$schema !== undefined && schema.$schema !== JSON_SCHEMA_2020)
    errors.push({ field: '/$schema', message: `must be ${JSON_SCHEMA_2020} (or left out)` });
  const ajv = newAjv();
  const metaValid = ajv.validateSchema({ ...schema, $schema: JSON_SCHEMA_2020 });
  if (!metaValid) {
    // The meta-schema reports one mistake several ways (enum, then anyOf…): the first is the one that says it.
    const fields = new Set<string>();
    for (const error of ajvErrors(ajv.errors, '')) {
      if (fields.has(error.field)) continue;
      fields.add(error.field);
      errors.push({ ...error, message: `JSON Schema: ${error.message}` });
    }
  }
  if (errors.length > 0) return { ...none, errors };
  try {
    newAjv().compile(schema);
  } catch (error) {
    return { ...none, errors: [{ field: '/', message: (error as Error).message }] };
  }
  if (schema.type !== 'object') errors.push({ field: '/type', message: 'must be "object": a form is an object of answers' });
  if (schema.additionalProperties !== false)
    errors.push({ field: '/additionalProperties', message: 'must be false, so answers carry nothing but the questions' });
  const properties = isObject(schema.properties) ? schema.properties : null;
  if (!properties || Object.keys(properties).length === 0)
    errors.push({ field: '/properties', message: 'must list the questions (one property each)' });
  const extension = schema[EXTENSION];
  if (!isObject(extension)) {
    errors.push({ field: `/${EXTENSION}`, message: 'is required: the title, the order of the questions and how each is asked' });
    return { ...none, errors };
  }
  const extensionErrors = [...Value.Errors(EServiceFormExtension, extension)];
  if (extensionErrors.length > 0) {
    errors.push(
      ...extensionErrors.map((error) => ({
        field: `/${EXTENSION}${error.instancePath}`,
        message:
          error.keyword === 'required'
            ? `is missing ${(error.params as { requiredProperties?: string[] }).requiredProperties?.join(', ')}`
            : error.message,
      })),
    );
    return { ...none, errors };
  }
  if (!properties) return { ...none, errors };
  const hints = extension as EServiceFormExtension;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  for (const name of Object.keys(properties)) {
    if (!hints.order.includes(name)) errors.push({ field: pointer(`/${EXTENSION}/order`), message: `must list the question "${name}"` });
  }
  const questions: EServiceQuestion[] = [];
  hints.order.forEach((name, index) => {
    const property = properties[name];
    if (!isObject(property)) {
      errors.push({ field: pointer(`/${EXTENSION}/order`, String(index)), message: `"${name}" is not a property of the schema` });
      return;
    }
    const question = hints.questions[name];
    if (!question) {
      errors.push({ field: pointer(`/${EXTENSION}/questions`), message: `must say how to ask "${name}" (title, widget)` });
      return;
    }
    const mismatch = widgetMismatch(question.widget, property);
    if (mismatch) errors.push({ field: pointer('/properties', name), message: `${mismatch}, for the widget ${question.widget}` });
    const values =
      question.widget === 'choice'
        ? (property.enum as string[] | undefined)
        : question.widget === 'multiChoice' && isObject(property.items)
          ? (property.items.enum as string[] | undefined)
          : undefined;
    const choices: EServiceQuestion['choices'] = [];
    for (const value of values ?? []) {
      const label = question.choices?.[value];
      if (!label) errors.push({ field: pointer(`/${EXTENSION}/questions`, name, 'choices'), message: `must give a label for "${value}"` });
      else choices.push({ value, label });
    }
    const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null);
    questions.push({
      name,
      widget: question.widget,
      required: required.includes(name),
      title: question.title,
      help: question.help ?? null,
      choices,
      minLength: numberOrNull(property.minLength),
      maxLength: numberOrNull(property.maxLength),
      minimum: numberOrNull(property.minimum),
      maximum: numberOrNull(property.maximum),
    });
  });
  for (const name of Object.keys(hints.questions)) {
    if (!properties[name])
      errors.push({ field: pointer(`/${EXTENSION}/questions`, name), message: `"${name}" is not a property of the schema` });
  }
  required.forEach((name, index) => {
    if (!properties[name])
      errors.push({ field: pointer('/required', String(index)), message: `"${name}" is not a property of the schema` });
  });
  return { errors, questions: errors.length === 0 ? questions : [] };
}

export function formTitle(schema: EServiceFormSchema | unknown): LocalizedText {
  return (schema as EServiceFormSchema)[EXTENSION]?.title ?? { fr: '—' };
}

export function formDescription(schema: EServiceFormSchema | unknown): LocalizedText | null {
  return (schema as EServiceFormSchema)[EXTENSION]?.description ?? null;
}

/** A published version's questions: computed once per version (versions never change once published). */
const questionCache = new Map<string, EServiceQuestion[]>();
const validatorCache = new Map<string, { complete: ValidateFunction; partial: ValidateFunction }>();
const CACHE_LIMIT = 500;

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const found = cache.get(key);
  if (found) return found;
  const made = make();
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, made);
  return made;
}

export function versionQuestions(versionId: string, schema: unknown, mutable = false): EServiceQuestion[] {
  if (mutable) return checkFormSchema(schema).questions;
  return remember(questionCache, versionId, () => checkFormSchema(schema).questions);
}

/**
 * Validates answers against the version's schema. `complete` for a submission; otherwise (a draft) only the answers
 * given are checked: the root's `required` is left out. Errors name the question as `/answers/<name>`.
 */
export function validateAnswers(versionId: string, schema: unknown, answers: unknown, complete: boolean): FieldError[] {
  const validators = remember(validatorCache, versionId, () => {
    const root = schema as Record<string, unknown>;
    return { complete: newAjv().compile(root), partial: newAjv().compile({ ...root, required: [] }) };
  });
  const validate = complete ? validators.complete : validators.partial;
  if (validate(answers)) return [];
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const error of validate.errors ?? []) {
    const params = error.params as { missingProperty?: string; additionalProperty?: string };
    const name = params.missingProperty ?? params.additionalProperty;
    const field = name ? pointer('/answers', name) : `/answers${error.instancePath}`;
    const message =
      error.keyword === 'required'
        ? 'is required'
        : error.keyword === 'additionalProperties'
          ? 'is not a question of this form'
          : (error.message ?? 'is invalid');
    // `if`/`then` and the like repeat themselves: one line per field and message.
    if (seen.has(`${field} ${message}`) || error.keyword === 'if') continue;
    seen.add(`${field} ${message}`);
    errors.push({ field, message });
  }
  return errors;
}
