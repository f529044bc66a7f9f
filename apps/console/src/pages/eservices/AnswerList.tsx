// A request's answers, question by question in the form's order: the clerk's view of a request, the helper's summary.
import { localized, type EServiceAnswers, type EServiceQuestion } from '@palier/contracts';
import type { Language } from '../../i18n/catalogue';
import { answerText } from './answers';
import type { EServiceTranslate } from './messages';
import './eservices.css';

export function AnswerList({
  questions,
  answers,
  e,
  language,
  testId = 'eservice-answers',
}: {
  questions: readonly EServiceQuestion[];
  answers: EServiceAnswers;
  e: EServiceTranslate;
  language: Language;
  testId?: string;
}) {
  return (
    <dl className="eservice-answers" data-testid={testId}>
      {questions.map((question) => (
        <div key={question.name} className="eservice-answers__row">
          <dt>{localized(question.title, language)}</dt>
          <dd>{answerText(question, answers[question.name], e, language)}</dd>
        </div>
      ))}
    </dl>
  );
}
