// The questions of a form as the TV will ask them: one screen each, in order, with its widget, then the summary.
import { localized, type EServiceQuestion } from '@palier/contracts';
import type { Language } from '../../i18n/catalogue';
import { choicesOf } from './answers';
import { widgetKey, type EServiceTranslate } from './messages';

export function QuestionPreview({ questions, e, language }: { questions: EServiceQuestion[]; e: EServiceTranslate; language: Language }) {
  return (
    <ol className="tv-preview" data-testid="form-preview">
      {questions.map((question, index) => {
        const choices = choicesOf(question, e, language);
        return (
          <li key={question.name} className="tv-preview__screen" data-testid="preview-question">
            <span className="tv-preview__step">
              {e('previewStep', { n: index + 1, total: questions.length })} · {e(widgetKey(question.widget))}
              {question.required ? '' : ` · ${e('optional')}`}
            </span>
            <strong className="tv-preview__title">{localized(question.title, language)}</strong>
            {question.help && <span className="tv-preview__help">{localized(question.help, language)}</span>}
            {choices.length > 0 && (
              <span className="tv-preview__choices">
                {choices.map((choice) => (
                  <span key={choice.value} className="tv-preview__choice">
                    {choice.label}
                  </span>
                ))}
              </span>
            )}
          </li>
        );
      })}
      {questions.length > 0 && <li className="tv-preview__summary">{e('previewSummary')}</li>}
    </ol>
  );
}
