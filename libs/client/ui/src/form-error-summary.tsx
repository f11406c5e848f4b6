import { forwardRef, useId } from 'react';

export interface FormProblem {
  /** Id of the field the problem is about, or null for a problem with the whole form. */
  fieldId: string | null;
  message: string;
}

export interface FormErrorSummaryProps {
  title: string;
  problems: FormProblem[];
}

/**
 * The list of problems at the top of a form, each linking to its field. Render it only when there are
 * problems; the form announces them through the live region and may move focus here.
 */
export const FormErrorSummary = forwardRef<HTMLDivElement, FormErrorSummaryProps>(function FormErrorSummary(
  { title, problems },
  ref,
) {
  const headingId = useId();
  if (problems.length === 0) return null;
  return (
    <div ref={ref} className="an-error-summary" tabIndex={-1} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.fieldId ?? 'form'}-${index}`}>
            {problem.fieldId ? (
              <a
                href={`#${problem.fieldId}`}
                onClick={(event) => {
                  const field = document.getElementById(problem.fieldId!);
                  if (!field) return;
                  event.preventDefault();
                  field.focus();
                  field.scrollIntoView({ block: 'center' });
                }}
              >
                {problem.message}
              </a>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
});
