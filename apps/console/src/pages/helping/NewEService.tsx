// "Nouvelle démarche": a staff helper starts a town-hall e-service for the tenant who gave them the mandate. The tenant's
// forms (keyset pages), then the form as a web form from its version's questions, saved as the tenant's own draft on the
// server as answers are given (the tenant's TV resumes the same draft), a summary, and the send, whose Idempotency-Key
// is kept until it succeeds. Answers the API refuses are named next to their question.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  localized,
  type EServiceAnswers,
  type EServiceFormSummary,
  type EServiceFormVersion,
  type PalierClient,
  type TenantEServiceRequest,
} from '@palier/contracts';
import { problemOf, problemText } from '../../api/problem';
import { Alert } from '../../components/Alert';
import { Spinner } from '../../components/Spinner';
import { formatDateTime, type Language } from '../../i18n/catalogue';
import { useI18n } from '../../i18n/I18nProvider';
import { AnswerList } from '../eservices/AnswerList';
import { QuestionInput } from '../eservices/QuestionInput';
import { answersToSend, missingAnswers, refusedAnswers, resumeStep } from '../eservices/answers';
import { eserviceTranslator } from '../eservices/messages';
import type { HelpingTranslate } from './messages';
import { useMandateCall } from './useMandateCall';
import './new-eservice.css';

const FORMS_PAGE = 10;
const SAVE_DELAY_MS = 400;
const FIELD_PREFIX = 'helper-eservice';

type View = 'closed' | 'forms' | 'form' | 'summary' | 'sent';

export interface NewEServiceProps {
  /** The client acting under the mandate (client.asHelper). */
  helper: PalierClient;
  tenantName: string;
  h: HelpingTranslate;
  language: Language;
  onWithdrawn: () => void;
  /** The request was created: the tenant's requests list shows it. */
  onSent: (request: TenantEServiceRequest) => void;
}

export function NewEService({ helper, tenantName, h, language, onWithdrawn, onSent }: NewEServiceProps) {
  const i18n = useI18n();
  const e = useMemo(() => eserviceTranslator(language), [language]);
  const { run, failure, busy } = useMandateCall(onWithdrawn);
  const [view, setView] = useState<View>('closed');
  const [forms, setForms] = useState<EServiceFormSummary[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [form, setForm] = useState<EServiceFormVersion | null>(null);
  const [answers, setAnswers] = useState<EServiceAnswers>({});
  /** Required questions left empty (seen here), and answers the API refused (its word), by question name. */
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [sent, setSent] = useState<TenantEServiceRequest | null>(null);
  // One key per request being sent, the same on every retry until one succeeds: a retried send creates one request.
  const [sendKey, setSendKey] = useState(() => crypto.randomUUID());

  // Saves read the latest answers and run one after the other, so an older save never lands after a newer one.
  const latest = useRef({ form, answers });
  latest.current = { form, answers };
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  /** A call whose refusal of answers is shown next to the questions; anything else goes to useMandateCall. */
  const checked = useCallback(
    <T,>(call: () => Promise<T>, onRefused?: () => void) =>
      run(async () => {
        try {
          const result = await call();
          setRefused({});
          return result;
        } catch (error) {
          const { form: current, answers: given } = latest.current;
          const named = current ? refusedAnswers(error, current.questions, given, e) : {};
          if (Object.keys(named).length === 0) throw error;
          setRefused(named);
          onRefused?.();
          return undefined;
        }
      }),
    [run, e],
  );

  const save = useCallback(
    (step?: number) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const next = queue.current.then(async () => {
        const { form: current, answers: given } = latest.current;
        if (!current) return undefined;
        setSaving(true);
        const draft = await checked(() =>
          helper.saveEServiceDraft(current.formId, {
            versionId: current.versionId,
            step: step ?? resumeStep(current.questions, given),
            answers: answersToSend(current.questions, given),
          }),
        );
        setSaving(false);
        if (draft) setSavedAt(draft.updatedAt);
        return draft;
      });
      queue.current = next;
      return next;
    },
    [checked, helper],
  );
  /** A moment after an answer is settled (a field left, a choice made): the draft follows what is on screen. */
  const saveSoon = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  };

  const loadForms = async (cursor?: string) => {
    const page = await run(() => helper.eserviceForms({ limit: FORMS_PAGE, ...(cursor ? { cursor } : {}) }));
    if (!page) return;
    setForms((shown) => (cursor && shown ? [...shown, ...page.items] : page.items));
    setNextCursor(page.nextCursor);
  };
  const showForms = () => {
    setView('forms');
    setForm(null);
    setForms(null);
    void loadForms();
  };

  /** The tenant's draft when there is one (from the TV or from here), else the form's current version from the start. */
  const open = async (formId: string) => {
    const loaded = await run(async () => {
      try {
        const draft = await helper.eserviceDraft(formId);
        return { form: draft.form, answers: draft.answers, step: draft.step, savedAt: draft.updatedAt };
      } catch (error) {
        if (problemOf(error)?.status !== 404) throw error;
      }
      return { form: await helper.eserviceForm(formId), answers: {}, step: 0, savedAt: null };
    });
    if (!loaded) return;
    setForm(loaded.form);
    setAnswers(loaded.answers);
    setMissing({});
    setRefused({});
    setSavedAt(loaded.savedAt);
    const complete = Object.keys(missingAnswers(loaded.form.questions, loaded.answers, e)).length === 0;
    setView(loaded.step >= loaded.form.questions.length && complete ? 'summary' : 'form');
  };

  const answer = (name: string, value: unknown) => {
    setAnswers((given) => {
      const next = { ...given };
      if (value === undefined) delete next[name];
      else next[name] = value;
      return next;
    });
    setMissing((shown) => {
      const rest = { ...shown };
      delete rest[name];
      return rest;
    });
  };

  /** Moves to a question to fix: its field, or the first box of a set of choices (a fieldset takes no focus). */
  const focusQuestion = (name: string | undefined) => {
    if (!name) return;
    setTimeout(() => {
      const field = document.getElementById(`${FIELD_PREFIX}-${name}`);
      (field instanceof HTMLFieldSetElement ? field.querySelector('input') : field)?.focus();
    }, 0);
  };
  const firstOf = (errors: Record<string, string>) => form?.questions.find((question) => errors[question.name])?.name;

  const review = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    const empty = missingAnswers(form.questions, answers, e);
    setMissing(empty);
    if (Object.keys(empty).length > 0) return focusQuestion(firstOf(empty));
    // At the summary on the tenant's TV too: the draft's step past the last question.
    const draft = await save(form.questions.length);
    if (draft) setView('summary');
  };

  const send = async () => {
    if (!form) return;
    // A refused answer is fixed in the form, beside its question; any other failure stays here, to send again.
    const request = await checked(
      () => helper.submitEServiceRequest({ versionId: form.versionId, answers: answersToSend(form.questions, answers) }, sendKey),
      () => setView('form'),
    );
    if (!request) return;
    setSendKey(crypto.randomUUID());
    setSent(request);
    setForm(null);
    setView('sent');
    onSent(request);
  };
  const errorFor = (name: string) => refused[name] ?? missing[name];
  const title = form ? localized(form.title, language) : '';

  return (
    <section className="new-eservice" aria-labelledby="new-eservice-title" data-testid="new-eservice">
      <div className="new-eservice__header">
        <h4 id="new-eservice-title">{h('newEServiceFor', { name: tenantName })}</h4>
        {view === 'closed' ? (
          <button className="button button--primary" onClick={showForms} data-testid="new-eservice-open">
            {h('newEService')}
          </button>
        ) : (
          <button className="button button--ghost button--small" onClick={() => setView('closed')} disabled={busy}>
            {h('close')}
          </button>
        )}
      </div>
      {view !== 'closed' && failure !== undefined && (
        <Alert tone="error" testId="new-eservice-error">
          {problemText(failure, i18n.t)}
        </Alert>
      )}

      {view === 'forms' && (
        <>
          <p className="muted">{h('newEServiceIntro', { name: tenantName })}</p>
          {forms === null && busy && <Spinner label={h('formsLoading')} />}
          {forms?.length === 0 && <p className="muted">{h('formsEmpty')}</p>}
          <ul className="new-eservice__forms" data-testid="eservice-forms">
            {forms?.map((item) => (
              <li key={item.formId} className="new-eservice__choice">
                <div>
                  <strong>{localized(item.title, language)}</strong>
                  {item.description && <span>{localized(item.description, language)}</span>}
                  <span className="muted">{h('formQuestions', { count: item.questionCount, organisation: item.organisation.name })}</span>
                  {item.draft && (
                    <span className="tag tag--event">
                      {h('formDraft', { step: Math.min(item.draft.step + 1, item.questionCount), count: item.questionCount })}
                    </span>
                  )}
                </div>
                <button
                  className="button button--small"
                  disabled={busy}
                  onClick={() => void open(item.formId)}
                  aria-label={`${item.draft ? h('formResume') : h('formStart')} — ${localized(item.title, language)}`}
                  data-testid="eservice-form-open"
                >
                  {item.draft ? h('formResume') : h('formStart')}
                </button>
              </li>
            ))}
          </ul>
          {nextCursor && (
            <button className="button button--ghost" disabled={busy} onClick={() => void loadForms(nextCursor)}>
              {h('more')}
            </button>
          )}
        </>
      )}

      {view === 'form' && form && (
        <form className="new-eservice__form" noValidate onSubmit={(event) => void review(event)} data-testid="eservice-form">
          <h5 className="new-eservice__title">{title}</h5>
          {form.description && <p className="muted">{localized(form.description, language)}</p>}
          {Object.keys(refused).length > 0 && <Alert tone="error">{h('answersRefused')}</Alert>}
          {Object.keys(missing).length > 0 && <Alert tone="error">{h('answersMissing')}</Alert>}
          {form.questions.map((question) => (
            <QuestionInput
              key={question.name}
              question={question}
              value={answers[question.name]}
              error={errorFor(question.name)}
              idPrefix={FIELD_PREFIX}
              e={e}
              language={language}
              onChange={(value) => answer(question.name, value)}
              onSettled={saveSoon}
            />
          ))}
          <div className="form__actions">
            <button className="button button--primary" type="submit" disabled={busy} data-testid="eservice-review">
              {h('review')}
            </button>
            <button className="button button--ghost" type="button" disabled={busy} onClick={showForms}>
              {h('otherForms')}
            </button>
            <span className="form__summary" role="status" data-testid="eservice-draft-status">
              {saving ? h('draftSaving') : savedAt ? h('draftSaved', { time: formatDateTime(savedAt, language) }) : ''}
            </span>
          </div>
        </form>
      )}

      {view === 'summary' && form && (
        <div className="new-eservice__form" data-testid="eservice-summary">
          <h5 className="new-eservice__title">
            {h('summaryTitle')} — {title}
          </h5>
          <p>{h('summaryHelp', { name: tenantName })}</p>
          <AnswerList questions={form.questions} answers={answersToSend(form.questions, answers)} e={e} language={language} />
          <div className="form__actions">
            <button className="button button--primary" disabled={busy} onClick={() => void send()} data-testid="eservice-send">
              {busy ? h('sending') : h('sendRequest', { name: tenantName })}
            </button>
            <button className="button button--ghost" disabled={busy} onClick={() => setView('form')}>
              {h('changeAnswers')}
            </button>
          </div>
        </div>
      )}

      {view === 'sent' && sent && (
        <Alert
          tone="success"
          title={h('requestSent', { name: tenantName, number: sent.receiptNumber })}
          testId="eservice-sent"
          action={
            <button className="button button--small" onClick={showForms}>
              {h('anotherForm')}
            </button>
          }
        >
          {h('requestSentHelp', { name: tenantName })}
        </Alert>
      )}
    </section>
  );
}
