// The forms: the organisation's list beside the selected form's editor (JSON with live checking and a preview of the
// questions as the TV asks them), versions, publication, retirement, webhook and delivery log.
import { useCallback, useEffect, useState } from 'react';
import {
  localized,
  type CheckEServiceSchemaResponse,
  type EServiceDelivery,
  type StaffEServiceForm,
  type StaffEServiceFormSummary,
} from '@palier/contracts';
import { problemText } from '../../api/problem';
import { Alert } from '../../components/Alert';
import { Spinner } from '../../components/Spinner';
import { useI18n } from '../../i18n/I18nProvider';
import type { Language } from '../../i18n/catalogue';
import { eservices } from './client';
import { QuestionPreview } from './QuestionPreview';
import { dateTime, type EServiceMessageKey, type EServiceTranslate } from './messages';

const NEW_FORM_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['subject'],
  properties: { subject: { type: 'string', minLength: 1, maxLength: 100 } },
  'x-palier': {
    title: { fr: 'Nouvelle démarche', en: 'New procedure', ar: 'إجراء جديد' },
    order: ['subject'],
    questions: { subject: { title: { fr: 'Objet de votre demande', en: 'What is your request about?' }, widget: 'text' } },
  },
};

/** PostgreSQL keeps JSON without its key order: show the schema's top level in the order people write it. */
const TOP_LEVEL_ORDER = ['$schema', 'type', 'additionalProperties', 'required', 'properties', 'x-palier'];
function schemaText(schema: Record<string, unknown>): string {
  const keys = [...TOP_LEVEL_ORDER.filter((key) => key in schema), ...Object.keys(schema).filter((key) => !TOP_LEVEL_ORDER.includes(key))];
  const extension = schema['x-palier'] as Record<string, unknown> | undefined;
  const ordered = Object.fromEntries(keys.map((key) => [key, schema[key]]));
  if (extension && typeof extension === 'object') {
    const inner = ['title', 'description', 'order', 'questions'];
    ordered['x-palier'] = Object.fromEntries(
      [...inner.filter((key) => key in extension), ...Object.keys(extension).filter((key) => !inner.includes(key))].map((key) => [
        key,
        extension[key],
      ]),
    );
    // Questions in the order they are asked, as their properties.
    const order = Array.isArray(extension.order) ? (extension.order as string[]) : [];
    const sortByOrder = (map: unknown) =>
      map && typeof map === 'object'
        ? Object.fromEntries(Object.entries(map as Record<string, unknown>).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)))
        : map;
    (ordered['x-palier'] as Record<string, unknown>).questions = sortByOrder(extension.questions);
    ordered.properties = sortByOrder(schema.properties);
  }
  return JSON.stringify(ordered, null, 2);
}

export function FormsTab({ e, language }: { e: EServiceTranslate; language: Language }) {
  const i18n = useI18n();
  const [forms, setForms] = useState<StaffEServiceFormSummary[] | null>(null);
  const [error, setError] = useState<unknown>();
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const load = useCallback(async () => {
    try {
      setForms((await eservices.staffEServiceForms({ limit: 100 })).items);
    } catch (failure) {
      setError(failure);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="workspace">
      <section className="panel">
        <div className="panel__header">
          <button type="button" className="button button--primary" onClick={() => setSelected('new')} data-testid="eservice-new-form">
            {e('newForm')}
          </button>
        </div>
        {!forms && !error && <Spinner label={e('loading')} />}
        {error !== undefined && <Alert tone="error">{problemText(error, i18n.t)}</Alert>}
        {forms && forms.length === 0 && <p className="empty">{e('emptyForms')}</p>}
        <ul className="eservice-list" data-testid="eservice-forms">
          {forms?.map((form) => (
            <li key={form.id}>
              <button
                type="button"
                className={`eservice-row${form.id === selected ? ' eservice-row--selected' : ''}${form.retiredAt ? ' eservice-row--retired' : ''}`}
                onClick={() => setSelected(form.id)}
                data-testid={`eservice-form-${form.slug}`}
                aria-current={form.id === selected || undefined}
              >
                <strong>{localized(form.title, language)}</strong>
                <span className="eservice-row__head">
                  <span className="tag">
                    {form.publishedVersion ? e('published', { version: form.publishedVersion }) : e('notPublished')}
                  </span>
                  {form.draftVersion && <span className="tag tag--works">{e('draft', { version: form.draftVersion })}</span>}
                  {form.retiredAt && <span className="tag tag--urgent">{e('retired')}</span>}
                </span>
                <span className="muted">
                  {form.slug} · {e('openRequests', { count: form.openRequests })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" data-testid="eservice-form-panel">
        {selected === 'new' ? (
          <NewForm
            e={e}
            onCreated={(form) => {
              void load();
              setSelected(form.id);
            }}
          />
        ) : selected ? (
          <FormEditor key={selected} formId={selected} e={e} language={language} onChanged={() => void load()} />
        ) : (
          <p className="empty">{e('pickForm')}</p>
        )}
      </section>
    </div>
  );
}

/** Parses the editor's text and has the API check it; the result drives the error list and the preview. */
function useSchemaCheck(text: string, e: EServiceTranslate) {
  const [result, setResult] = useState<{ jsonError?: string; check?: CheckEServiceSchemaResponse; checking: boolean }>({ checking: true });
  useEffect(() => {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      setResult({ jsonError: e('invalidJson', { message: (error as Error).message }), checking: false });
      return;
    }
    let cancelled = false;
    setResult((previous) => ({ ...previous, checking: true }));
    const timer = setTimeout(() => {
      eservices.checkEServiceSchema({ schema: parsed }).then(
        (check) => !cancelled && setResult({ check, checking: false }),
        () => !cancelled && setResult({ checking: false }),
      );
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, e]);
  return result;
}

function SchemaStatus({ text, e, language }: { text: string; e: EServiceTranslate; language: Language }) {
  const { jsonError, check, checking } = useSchemaCheck(text, e);
  return (
    <>
      <div data-testid="schema-status" data-valid={check?.valid && !jsonError ? 'true' : 'false'} aria-live="polite">
        {jsonError ? (
          <Alert tone="error">{jsonError}</Alert>
        ) : checking && !check ? (
          <p className="muted">{e('checking')}</p>
        ) : check?.valid ? (
          <Alert tone="success">{e('schemaValid')}</Alert>
        ) : check ? (
          <Alert tone="error" title={e('schemaErrors', { count: check.errors.length })}>
            <ul className="schema-errors" data-testid="schema-errors">
              {check.errors.map((error, index) => (
                <li key={index}>
                  <code>{error.field}</code> {error.message}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
      </div>
      {check?.valid && !jsonError && (
        <>
          <h3>{e('preview')}</h3>
          <QuestionPreview questions={check.questions} e={e} language={language} />
        </>
      )}
    </>
  );
}

function NewForm({ e, onCreated }: { e: EServiceTranslate; onCreated: (form: StaffEServiceForm) => void }) {
  const i18n = useI18n();
  const [slug, setSlug] = useState('');
  const [prefix, setPrefix] = useState('M13');
  const [text, setText] = useState(() => JSON.stringify(NEW_FORM_SCHEMA, null, 2));
  const [failure, setFailure] = useState<unknown>();
  return (
    <form
      className="form"
      onSubmit={async (event) => {
        event.preventDefault();
        setFailure(undefined);
        try {
          onCreated(
            await eservices.createEServiceForm({ slug, receiptPrefix: prefix, schema: JSON.parse(text) as Record<string, unknown> }),
          );
        } catch (error) {
          setFailure(error);
        }
      }}
    >
      <h2 className="panel__title">{e('newForm')}</h2>
      <div className="form__row">
        <label className="field">
          <span className="field__label">{e('slug')}</span>
          <input
            value={slug}
            onChange={(event) => setSlug(event.target.value)}
            pattern="[a-z0-9][a-z0-9-]{1,59}"
            required
            data-testid="new-form-slug"
          />
        </label>
        <label className="field">
          <span className="field__label">{e('receiptPrefix')}</span>
          <input value={prefix} onChange={(event) => setPrefix(event.target.value.toUpperCase())} pattern="[A-Z][A-Z0-9]{0,5}" required />
        </label>
      </div>
      <label className="field">
        <span className="field__label">{e('editor')}</span>
        <textarea className="schema-editor" value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} rows={18} />
      </label>
      <SchemaStatus text={text} e={e} language={i18n.t.language} />
      {failure !== undefined && <Alert tone="error">{problemText(failure, i18n.t)}</Alert>}
      <div className="form__actions">
        <button type="submit" className="button button--primary" data-testid="new-form-create">
          {e('create')}
        </button>
      </div>
    </form>
  );
}

function FormEditor({
  formId,
  e,
  language,
  onChanged,
}: {
  formId: string;
  e: EServiceTranslate;
  language: Language;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const [form, setForm] = useState<StaffEServiceForm | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [shownVersion, setShownVersion] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [notice, setNotice] = useState<string | null>(null);

  const openVersion = useCallback(
    async (number: number) => {
      const version = await eservices.staffEServiceVersion(formId, number);
      setText(schemaText(version.schema));
      setShownVersion(number);
    },
    [formId],
  );
  useEffect(() => {
    eservices.staffEServiceForm(formId).then(
      (loaded) => {
        setForm(loaded);
        const editable = loaded.draftVersion ?? loaded.publishedVersion ?? loaded.versions[loaded.versions.length - 1]?.version;
        if (editable) void openVersion(editable);
      },
      (error: unknown) => setFailure(error),
    );
  }, [formId, openVersion]);

  const run = async (action: () => Promise<StaffEServiceForm>, done?: (form: StaffEServiceForm) => string) => {
    setBusy(true);
    setFailure(undefined);
    setNotice(null);
    try {
      const changed = await action();
      setForm(changed);
      if (done) setNotice(done(changed));
      onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  if (!form) return failure !== undefined ? <Alert tone="error">{problemText(failure, i18n.t)}</Alert> : <Spinner label={e('loading')} />;
  return (
    <div className="eservice-editor" data-testid="eservice-editor">
      <div className="panel__header">
        <h2 className="panel__title">{localized(form.title, language)}</h2>
        {form.retiredAt && <span className="tag tag--urgent">{e('retired')}</span>}
      </div>
      <p className="muted">{e('editorHint')}</p>
      <div className="eservice-versions" data-testid="eservice-versions">
        <span className="field__label">{e('versions')}</span>
        {form.versions.map((version) => (
          <button
            key={version.id}
            type="button"
            className={`button button--small${version.version === shownVersion ? ' button--primary' : ''}`}
            onClick={() => void openVersion(version.version)}
            data-testid={`eservice-version-${version.version}`}
            data-status={version.status}
          >
            v{version.version} · {e(`versionStatus.${version.status}` as EServiceMessageKey)}
          </button>
        ))}
      </div>
      {text !== null && (
        <>
          <label className="field">
            <span className="field__label">{e('editor')}</span>
            <textarea
              className="schema-editor"
              value={text}
              onChange={(event) => setText(event.target.value)}
              spellCheck={false}
              rows={22}
              readOnly={!form.actions.includes('edit')}
              data-testid="schema-editor"
            />
          </label>
          <SchemaStatus text={text} e={e} language={language} />
        </>
      )}
      {failure !== undefined && <Alert tone="error">{problemText(failure, i18n.t)}</Alert>}
      {notice && (
        <Alert tone="success" testId="eservice-notice">
          {notice}
        </Alert>
      )}
      <div className="form__actions">
        {form.actions.includes('edit') && (
          <button
            type="button"
            className="button"
            disabled={busy || text === null}
            data-testid="eservice-save-draft"
            onClick={() =>
              void run(
                async () => {
                  const saved = await eservices.saveEServiceVersion(formId, { schema: JSON.parse(text!) as Record<string, unknown> });
                  setShownVersion(saved.version);
                  return eservices.staffEServiceForm(formId);
                },
                (changed) => e('saved', { version: changed.draftVersion ?? 0 }),
              )
            }
          >
            {e('saveDraft')}
          </button>
        )}
        {form.actions.includes('publish') && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            data-testid="eservice-publish"
            onClick={() =>
              void run(
                () => eservices.publishEServiceForm(formId),
                (changed) => e('publishedNow', { version: changed.publishedVersion ?? 0 }),
              )
            }
          >
            {e('publish')} v{form.draftVersion}
          </button>
        )}
        {form.actions.includes('discard_draft') && form.versions.length > 1 && (
          <button
            type="button"
            className="button button--ghost"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const changed = await eservices.discardEServiceVersion(formId);
                if (changed.publishedVersion) await openVersion(changed.publishedVersion);
                return changed;
              })
            }
          >
            {e('discardDraft')}
          </button>
        )}
        {form.actions.includes('retire') && (
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            data-testid="eservice-retire"
            onClick={() => {
              if (window.confirm(e('retireConfirm'))) void run(() => eservices.retireEServiceForm(formId));
            }}
          >
            {e('retire')}
          </button>
        )}
      </div>
      <WebhookSettings form={form} e={e} onSaved={setForm} />
      <DeliveryLog formId={formId} e={e} language={language} />
    </div>
  );
}

function WebhookSettings({
  form,
  e,
  onSaved,
}: {
  form: StaffEServiceForm;
  e: EServiceTranslate;
  onSaved: (form: StaffEServiceForm) => void;
}) {
  const i18n = useI18n();
  const [url, setUrl] = useState(form.webhook?.url ?? '');
  const [secret, setSecret] = useState(form.webhook?.secret ?? '');
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const save = async (nextUrl: string | null) => {
    setFailure(undefined);
    setSaved(false);
    try {
      const changed = await eservices.setEServiceWebhook(form.id, {
        url: nextUrl,
        ...(secret && secret !== form.webhook?.secret ? { secret } : {}),
      });
      onSaved(changed);
      setUrl(changed.webhook?.url ?? '');
      setSecret(changed.webhook?.secret ?? '');
      setSaved(true);
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <form
      className="form eservice-webhook"
      onSubmit={(event) => {
        event.preventDefault();
        void save(url.trim() || null);
      }}
    >
      <h3>{e('webhook')}</h3>
      <p className="muted">{e('webhookHint')}</p>
      <div className="form__row">
        <label className="field">
          <span className="field__label">{e('webhookUrl')}</span>
          <input type="url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://" data-testid="webhook-url" />
        </label>
        <label className="field">
          <span className="field__label">{e('webhookSecret')}</span>
          <input value={secret} onChange={(event) => setSecret(event.target.value)} spellCheck={false} data-testid="webhook-secret" />
        </label>
      </div>
      {failure !== undefined && <Alert tone="error">{problemText(failure, i18n.t)}</Alert>}
      {saved && <Alert tone="success">{e('webhookSaved')}</Alert>}
      <div className="form__actions">
        <button type="submit" className="button" data-testid="webhook-save">
          {e('webhookSave')}
        </button>
        {form.webhook && (
          <button type="button" className="button button--ghost" onClick={() => void save(null)}>
            {e('webhookRemove')}
          </button>
        )}
      </div>
    </form>
  );
}

function DeliveryLog({ formId, e, language }: { formId: string; e: EServiceTranslate; language: Language }) {
  const i18n = useI18n();
  const [deliveries, setDeliveries] = useState<EServiceDelivery[] | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const load = useCallback(async () => {
    try {
      setDeliveries((await eservices.eserviceDeliveries(formId, { limit: 50 })).items);
    } catch (error) {
      setFailure(error);
    }
  }, [formId]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="eservice-deliveries" data-testid="delivery-log">
      <div className="panel__header">
        <h3>{e('deliveries')}</h3>
        <button type="button" className="button button--small button--ghost" onClick={() => void load()} data-testid="delivery-refresh">
          {e('refresh')}
        </button>
      </div>
      {failure !== undefined && <Alert tone="error">{problemText(failure, i18n.t)}</Alert>}
      {deliveries && deliveries.length === 0 && <p className="empty">{e('noDeliveries')}</p>}
      <ul className="eservice-list">
        {deliveries?.map((delivery) => (
          <li
            key={delivery.id}
            className={`delivery delivery--${delivery.status.toLowerCase()}`}
            data-testid="delivery"
            data-status={delivery.status}
          >
            <div className="eservice-row__head">
              <strong>{delivery.receiptNumber}</strong>
              <span className="tag">{e(`delivery.${delivery.status}` as EServiceMessageKey)}</span>
              <code className="muted">{delivery.type}</code>
              {delivery.status !== 'DELIVERED' && (
                <button
                  type="button"
                  className="button button--small"
                  data-testid="delivery-retry"
                  onClick={async () => {
                    try {
                      const retried = await eservices.retryEServiceDelivery(formId, delivery.id);
                      setDeliveries((list) => list?.map((one) => (one.id === retried.id ? retried : one)) ?? null);
                    } catch (error) {
                      setFailure(error);
                    }
                  }}
                >
                  {e('retryNow')}
                </button>
              )}
            </div>
            <span className="muted">
              {delivery.url}
              {delivery.nextAttemptAt ? ` · ${e('nextAttempt', { at: dateTime(language, delivery.nextAttemptAt) })}` : ''}
            </span>
            <ol className="delivery__attempts">
              {delivery.log.map((attempt) => (
                <li key={attempt.number}>
                  {e('attempt', { number: attempt.number })} · {dateTime(language, attempt.at)} · {attempt.statusCode ?? e('noStatus')} ·{' '}
                  {attempt.durationMs} ms{attempt.error ? ` · ${attempt.error}` : ''}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </div>
  );
}
