/** The cohort forms' choice of modules: a checkbox per published module, with its error. */
import type { FieldMetadata } from "@conform-to/react";
import { FieldError } from "./forms";

/** The group's id, message and the modules to show ticked (what was sent, or the default) from conform. */
export function moduleProps(field: FieldMetadata<unknown>) {
  const value: unknown = field.initialValue;
  const chosen = (Array.isArray(value) ? value : [value]).filter((id): id is string => typeof id === "string");
  return { id: field.id, error: field.errors?.[0], chosen };
}

export function ModuleCheckboxes({
  id = "modules",
  modules,
  chosen,
  error,
  hint,
}: {
  /** The group's id, which an error summary links to (a conform form's field: `<formId>-modules`). */
  id?: string;
  modules: { id: string; title: string }[];
  chosen: readonly string[];
  error?: string;
  hint?: string;
}) {
  return (
    <fieldset
      className={error ? "form-error" : undefined}
      aria-describedby={
        [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined
      }
    >
      <legend className="form-label" id={id}>
        Moduler
      </legend>
      {hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <FieldError id={`${id}-error`} message={error} />
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
