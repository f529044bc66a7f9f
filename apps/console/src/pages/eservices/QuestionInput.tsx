// One question of a town-hall form as a web field: the widget the TV uses turned into its web control (a list, boxes to
// tick, yes/no, a date, a short or long text, a number), with its help, "optional" and the reason an answer is refused.
import { localized, type EServiceQuestion } from '@palier/contracts';
import { Field } from '../../components/Field';
import type { Language } from '../../i18n/catalogue';
import { answerFromInput, choicesOf } from './answers';
import type { EServiceTranslate } from './messages';

export interface QuestionInputProps {
  question: EServiceQuestion;
  /** The answer so far, as the API keeps it (a number, a boolean, a list of values, a string). */
  value: unknown;
  error?: string;
  /** The id prefix of the field: `<idPrefix>-<question name>` (its error: `…-error`). */
  idPrefix: string;
  e: EServiceTranslate;
  language: Language;
  disabled?: boolean;
  onChange: (value: unknown) => void;
  /** Called when the person leaves the field (texts) or picks a value (choices): a good moment to save. */
  onSettled?: () => void;
}

export function QuestionInput({ question, value, error, idPrefix, e, language, disabled, onChange, onSettled }: QuestionInputProps) {
  const id = `${idPrefix}-${question.name}`;
  const help = localized(question.help, language) || undefined;
  const optional = question.required ? undefined : e('optional');
  const label = localized(question.title, language);
  const choices = choicesOf(question, e, language);
  const set = (input: string | string[] | boolean | undefined, settled = false) => {
    onChange(answerFromInput(input));
    if (settled) onSettled?.();
  };

  if (question.widget === 'multiChoice' || question.widget === 'yesNo') {
    const chosen = question.widget === 'multiChoice' ? (Array.isArray(value) ? (value as string[]) : []) : [];
    return (
      <Field id={id} label={label} hint={help} error={error} optionalLabel={optional} group>
        {(describedBy) => (
          <div className="field__options" aria-describedby={describedBy}>
            {question.widget === 'multiChoice'
              ? choices.map((choice) => (
                  <label key={choice.value} className="field__option">
                    <input
                      type="checkbox"
                      name={id}
                      value={choice.value}
                      checked={chosen.includes(choice.value)}
                      disabled={disabled}
                      onChange={(event) =>
                        set(
                          // Kept in the form's order, whatever the order of the clicks.
                          choices
                            .map((one) => one.value)
                            .filter((one) => (one === choice.value ? event.target.checked : chosen.includes(one))),
                          true,
                        )
                      }
                    />
                    <span>{choice.label}</span>
                  </label>
                ))
              : [...choices, ...(question.required ? [] : [{ value: '', label: e('noAnswerOption') }])].map((choice) => (
                  <label key={choice.value} className="field__option">
                    <input
                      type="radio"
                      name={id}
                      value={choice.value}
                      checked={choice.value === '' ? typeof value !== 'boolean' : String(value) === choice.value}
                      disabled={disabled}
                      onChange={() => set(choice.value === '' ? undefined : choice.value === 'true', true)}
                    />
                    <span>{choice.label}</span>
                  </label>
                ))}
          </div>
        )}
      </Field>
    );
  }

  return (
    <Field id={id} label={label} hint={help} error={error} optionalLabel={optional}>
      {(describedBy, invalid) => {
        const common = {
          id,
          disabled,
          'aria-describedby': describedBy,
          'aria-invalid': invalid || undefined,
          'aria-required': question.required || undefined,
        };
        const text = value === undefined || value === null ? '' : String(value);
        switch (question.widget) {
          case 'choice':
            return (
              <select {...common} value={text} onChange={(event) => set(event.target.value, true)}>
                <option value="">{question.required ? e('chooseOne') : e('noAnswerOption')}</option>
                {choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            );
          case 'date':
            return <input {...common} type="date" value={text} onChange={(event) => set(event.target.value)} onBlur={onSettled} />;
          case 'number':
            return (
              <input
                {...common}
                type="text"
                inputMode="decimal"
                value={text}
                onChange={(event) => set(event.target.value)}
                onBlur={onSettled}
              />
            );
          case 'longText':
            return (
              <textarea
                {...common}
                value={text}
                maxLength={question.maxLength ?? 2000}
                rows={4}
                onChange={(event) => set(event.target.value)}
                onBlur={onSettled}
              />
            );
          default:
            return (
              <input
                {...common}
                type="text"
                value={text}
                maxLength={question.maxLength ?? 200}
                onChange={(event) => set(event.target.value)}
                onBlur={onSettled}
              />
            );
        }
      }}
    </Field>
  );
}
