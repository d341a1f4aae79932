/** The cohort forms' choice of modules: a checkbox per published module, with its error. */
import { FieldError } from "./forms";

export function ModuleCheckboxes({
  modules,
  chosen,
  error,
  hint,
}: {
  modules: { id: string; title: string }[];
  chosen: readonly string[];
  error?: string;
  hint?: string;
}) {
  return (
    <fieldset
      className={error ? "form-error" : undefined}
      aria-describedby={
        [hint ? "modules-hint" : null, error ? "modules-error" : null].filter(Boolean).join(" ") || undefined
      }
    >
      <legend className="form-label" id="modules">
        Moduler
      </legend>
      {hint && (
        <span className="form-hint" id="modules-hint">
          {hint}
        </span>
      )}
      <FieldError id="modules-error" message={error} />
      <ul className="nobullet-list checkbox-list">
        {modules.map((module) => (
          <li key={module.id} className="form-group-checkbox">
            <input
              className="form-checkbox"
              type="checkbox"
              id={`modul-${module.id}`}
              name="modules"
              value={module.id}
              defaultChecked={chosen.includes(module.id)}
            />
            <label htmlFor={`modul-${module.id}`}>{module.title}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
