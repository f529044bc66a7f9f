// The form that publishes a notice to the homes of one place, safe to submit twice.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { noticeCategories } from '@palier/contracts';
import type { Place, StaffNotice } from '../../api/shapes';
import { api } from '../../api/client';
import { fieldErrors, problemOf, problemText } from '../../api/problem';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { Spinner } from '../../components/Spinner';
import { homes, type MessageKey } from '../../i18n/catalogue';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session';
import { buildAudienceTree, flattenAudienceTree } from './audience';
import {
  attemptFor,
  emptyDraft,
  toPublishRequest,
  validateDraft,
  type DraftErrors,
  type DraftField,
  type IdempotentAttempt,
  type NoticeDraft,
  translationLanguages,
  type TranslationLanguage,
} from './noticeDraft';
import { NoticePictureField } from './NoticePictureField';

type PlacesState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; places: Place[] };

const fieldOrder: DraftField[] = ['title', 'body', 'en', 'ar', 'category', 'audience', 'validFrom', 'validUntil'];
const textLanguages = ['fr', ...translationLanguages] as const;
const fieldIds: Record<DraftField, string> = {
  title: 'notice-title',
  body: 'notice-body',
  en: 'notice-title-en',
  ar: 'notice-title-ar',
  category: 'notice-category',
  audience: 'notice-audience',
  validFrom: 'notice-valid-from',
  validUntil: 'notice-valid-until',
};

export function PublishNoticeForm({ onPublished }: { onPublished: (notice: StaffNotice) => void }) {
  const { t } = useI18n();
  const session = useSession();
  const [draft, setDraft] = useState<NoticeDraft>(emptyDraft);
  const [places, setPlaces] = useState<PlacesState>({ status: 'loading' });
  const [clientErrors, setClientErrors] = useState<DraftErrors>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [published, setPublished] = useState<StaffNotice | undefined>();
  const [sending, setSending] = useState(false);
  // Kept across retries of the same request so that the API publishes it once, whatever happens to the answer.
  const attempt = useRef<IdempotentAttempt | undefined>(undefined);
  const sendingRef = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const loadPlaces = useCallback(async () => {
    setPlaces({ status: 'loading' });
    try {
      const list = await api.staffPlaces();
      setPlaces({ status: 'ready', places: list.items });
    } catch (error) {
      if (!session.handle(error)) setPlaces({ status: 'failed', error });
    }
    // Loaded once per mount: the places a member may address do not change during a session.
  }, []);

  useEffect(() => {
    void loadPlaces();
  }, [loadPlaces]);

  const options = useMemo(() => (places.status === 'ready' ? flattenAudienceTree(buildAudienceTree(places.places)) : []), [places]);
  const chosenPlace = options.find((node) => node.place.id === draft.audienceId)?.place;

  const [textLanguage, setTextLanguage] = useState<(typeof textLanguages)[number]>('fr');

  const updateTranslation = (language: TranslationLanguage, part: 'title' | 'body', value: string) => {
    setDraft((current) => ({
      ...current,
      translations: { ...current.translations, [language]: { ...current.translations[language], [part]: value } },
    }));
    setPublished(undefined);
    setClientErrors((current) => (current[language] ? { ...current, [language]: undefined } : current));
  };

  const update = <K extends keyof NoticeDraft>(key: K, value: NoticeDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setPublished(undefined);
    const field: DraftField = key === 'audienceId' ? 'audience' : (key as DraftField);
    setClientErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
    setServerErrors((current) => (current[field] ? { ...current, [field]: '' } : current));
  };

  const errorFor = (field: DraftField): string | undefined => {
    const key = clientErrors[field];
    if (key) return t(key as MessageKey);
    return serverErrors[field] || undefined;
  };

  const focusFirstError = (fields: Partial<Record<string, unknown>>) => {
    const first = fieldOrder.find((field) => fields[field]);
    if (!first) return;
    // The field may sit in a hidden language tab: show that tab before focusing it.
    const tab = first === 'title' || first === 'body' ? 'fr' : first === 'en' || first === 'ar' ? first : undefined;
    if (tab) setTextLanguage(tab);
    setTimeout(() => document.getElementById(fieldIds[first])?.focus(), 0);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sendingRef.current) return; // a double click lands here before React re-renders the disabled button
    const errors = validateDraft(draft);
    setClientErrors(errors);
    setServerErrors({});
    setFailure(undefined);
    setPublished(undefined);
    if (Object.values(errors).some(Boolean)) {
      focusFirstError(errors);
      return;
    }
    if (!chosenPlace) return;
    const request = toPublishRequest(draft, chosenPlace.kind);
    attempt.current = attemptFor(request, attempt.current);
    sendingRef.current = true;
    setSending(true);
    try {
      const notice = await api.publishNotice(request, attempt.current.key);
      attempt.current = undefined;
      setDraft((current) => ({ ...emptyDraft(), audienceId: current.audienceId, category: current.category }));
      setTextLanguage('fr');
      setPublished(notice);
      onPublished(notice);
      document.getElementById(fieldIds.title)?.focus();
    } catch (error) {
      if (session.handle(error)) return;
      const fields = fieldErrors(error);
      setServerErrors(fields);
      setFailure(error);
      // The API refused this request outright (4xx): nothing was published, so the next attempt may use a fresh key.
      // After a network failure, a 5xx, a 409 (the same key still in flight) or a 429 the outcome is unknown or
      // pending: keep the key, so a retry returns the notice if it was in fact published.
      const status = problemOf(error)?.status;
      if (status !== undefined && status >= 400 && status < 500 && status !== 409 && status !== 429) {
        attempt.current = undefined;
      }
      if (Object.keys(fields).length) focusFirstError(fields);
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  const hasServerFieldErrors = Object.values(serverErrors).some(Boolean);
  const retryable = failure !== undefined && attempt.current !== undefined;

  return (
    <section className="panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading" className="panel__title">
        {t('publish.heading')}
      </h2>
      {published && (
        <Alert tone="success" testId="publish-confirmation">
          {t('publish.published', { title: published.title, homes: homes(t, published.targetHomeCount) })}
        </Alert>
      )}
      {failure !== undefined && (
        // With the key kept, the API may have published it already: say "not confirmed", not "not published".
        <Alert tone="error" title={retryable ? t('publish.unconfirmed') : t('publish.failed')} testId="publish-error">
          <p>{hasServerFieldErrors ? t('publish.fixErrors') : problemText(failure, t)}</p>
          {retryable && <p>{t('publish.retryHint')}</p>}
        </Alert>
      )}
      <form ref={formRef} className="form" onSubmit={submit} noValidate aria-busy={sending || undefined}>
        <div className="texts">
          <div className="tabs" role="tablist" aria-label={t('texts.tabsLabel')}>
            {textLanguages.map((language) => {
              const filled = language !== 'fr' && (draft.translations[language].title.trim() || draft.translations[language].body.trim());
              const invalid = language === 'fr' ? !!(errorFor('title') || errorFor('body')) : !!errorFor(language);
              return (
                <button
                  key={language}
                  type="button"
                  role="tab"
                  id={`text-tab-${language}`}
                  aria-selected={textLanguage === language}
                  aria-controls={`text-panel-${language}`}
                  className={['tab', textLanguage === language ? 'tab--active' : '', invalid ? 'tab--invalid' : ''].join(' ').trim()}
                  onClick={() => setTextLanguage(language)}
                  data-testid={`text-tab-${language}`}
                >
                  {t(`texts.${language}`)}{' '}
                  <span className="tab__note">
                    ({language === 'fr' ? t('texts.required') : filled ? t('texts.filled') : t('texts.optional')})
                  </span>
                </button>
              );
            })}
          </div>
          <div role="tabpanel" id="text-panel-fr" aria-labelledby="text-tab-fr" hidden={textLanguage !== 'fr'}>
            <Field id={fieldIds.title} label={t('publish.titleLabel')} hint={t('publish.titleHint')} error={errorFor('title')}>
              {(describedBy, invalid) => (
                <input
                  id={fieldIds.title}
                  name="title"
                  type="text"
                  maxLength={120}
                  required
                  value={draft.title}
                  onChange={(event) => update('title', event.target.value)}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                />
              )}
            </Field>
            <Field id={fieldIds.body} label={t('publish.bodyLabel')} hint={t('publish.bodyHint')} error={errorFor('body')}>
              {(describedBy, invalid) => (
                <textarea
                  id={fieldIds.body}
                  name="body"
                  rows={5}
                  maxLength={4000}
                  required
                  value={draft.body}
                  onChange={(event) => update('body', event.target.value)}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                />
              )}
            </Field>
          </div>
          {translationLanguages.map((language) => (
            <div
              key={language}
              role="tabpanel"
              id={`text-panel-${language}`}
              aria-labelledby={`text-tab-${language}`}
              hidden={textLanguage !== language}
              dir={language === 'ar' ? 'rtl' : undefined}
              lang={language}
            >
              {errorFor(language) && (
                <p className="field__error" data-testid={`notice-${language}-error`}>
                  {errorFor(language)}
                </p>
              )}
              <p className="field__hint">{t('texts.translationHint')}</p>
              <Field id={`notice-title-${language}`} label={t('publish.titleLabel')} optionalLabel={t('texts.optional')}>
                {(describedBy) => (
                  <input
                    id={`notice-title-${language}`}
                    type="text"
                    maxLength={120}
                    value={draft.translations[language].title}
                    onChange={(event) => updateTranslation(language, 'title', event.target.value)}
                    aria-describedby={describedBy}
                  />
                )}
              </Field>
              <Field id={`notice-body-${language}`} label={t('publish.bodyLabel')} optionalLabel={t('texts.optional')}>
                {(describedBy) => (
                  <textarea
                    id={`notice-body-${language}`}
                    rows={5}
                    maxLength={4000}
                    value={draft.translations[language].body}
                    onChange={(event) => updateTranslation(language, 'body', event.target.value)}
                    aria-describedby={describedBy}
                  />
                )}
              </Field>
            </div>
          ))}
        </div>
        <NoticePictureField pictureId={draft.pictureId} onChange={(pictureId) => update('pictureId', pictureId)} />
        <div className="form__row">
          <Field id={fieldIds.category} label={t('publish.categoryLabel')} error={errorFor('category')}>
            {(describedBy, invalid) => (
              <select
                id={fieldIds.category}
                name="category"
                value={draft.category}
                onChange={(event) => update('category', event.target.value as NoticeDraft['category'])}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
              >
                {noticeCategories.map((category) => (
                  <option key={category} value={category}>
                    {t(`category.${category}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field field--check">
            <input
              id="notice-urgent"
              name="urgent"
              type="checkbox"
              checked={draft.urgent}
              onChange={(event) => update('urgent', event.target.checked)}
              aria-describedby="notice-urgent-hint"
            />
            <div>
              <label className="field__label" htmlFor="notice-urgent">
                {t('publish.urgentLabel')}
              </label>
              <p className="field__hint" id="notice-urgent-hint">
                {t('publish.urgentHint')}
              </p>
            </div>
          </div>
        </div>
        <Field
          id={fieldIds.audience}
          label={t('publish.audienceLabel')}
          hint={places.status === 'ready' && options.length ? t('publish.audienceHint') : undefined}
          error={errorFor('audience')}
        >
          {(describedBy, invalid) => (
            <>
              {places.status === 'loading' && <Spinner inline label={t('publish.audienceLoading')} />}
              {places.status === 'failed' && (
                <Alert
                  tone="error"
                  title={t('publish.audienceFailed')}
                  action={
                    <button type="button" className="button button--small" onClick={() => void loadPlaces()}>
                      {t('app.retry')}
                    </button>
                  }
                >
                  {problemText(places.error, t)}
                </Alert>
              )}
              {places.status === 'ready' && options.length === 0 && <Alert tone="info">{t('publish.audienceEmpty')}</Alert>}
              {places.status === 'ready' && options.length > 0 && (
                <select
                  id={fieldIds.audience}
                  name="audience"
                  value={draft.audienceId}
                  onChange={(event) => update('audienceId', event.target.value)}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  required
                >
                  <option value="">{t('publish.audiencePlaceholder')}</option>
                  {options.map(({ place, depth }) => (
                    <option key={place.id} value={place.id} data-name={place.name}>
                      {`${'\u00a0\u00a0\u00a0'.repeat(depth)}${depth > 0 ? '└ ' : ''}${place.name} · ${t(`place.${place.kind}`)} · ${homes(t, place.homeCount)}`}
                    </option>
                  ))}
                </select>
              )}
            </>
          )}
        </Field>
        <div className="form__row">
          <Field
            id={fieldIds.validFrom}
            label={t('publish.validFromLabel')}
            hint={t('publish.validFromHint')}
            error={errorFor('validFrom')}
          >
            {(describedBy, invalid) => (
              <input
                id={fieldIds.validFrom}
                name="validFrom"
                type="datetime-local"
                value={draft.validFrom}
                onChange={(event) => update('validFrom', event.target.value)}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
              />
            )}
          </Field>
          <Field
            id={fieldIds.validUntil}
            label={t('publish.validUntilLabel')}
            hint={t('publish.validUntilHint')}
            error={errorFor('validUntil')}
          >
            {(describedBy, invalid) => (
              <input
                id={fieldIds.validUntil}
                name="validUntil"
                type="datetime-local"
                value={draft.validUntil}
                min={draft.validFrom || undefined}
                onChange={(event) => update('validUntil', event.target.value)}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
              />
            )}
          </Field>
        </div>
        <div className="form__actions">
          <button
            type="submit"
            className={draft.urgent ? 'button button--danger' : 'button button--primary'}
            disabled={sending || places.status !== 'ready' || options.length === 0}
            aria-busy={sending || undefined}
            data-testid="publish-submit"
          >
            {sending ? t('publish.submitting') : draft.urgent ? t('publish.submitUrgent') : t('publish.submit')}
          </button>
          {chosenPlace && (
            <p className="form__summary" data-testid="audience-summary">
              {t('publish.audienceSummary', { name: chosenPlace.name, homes: homes(t, chosenPlace.homeCount) })}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
