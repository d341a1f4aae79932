import { useId } from "react";
import type { ModuleProgress } from "~/progress/progress";

export function ProgressBar({ progress, label }: { progress: ModuleProgress; label: string }) {
  const id = useId();
  return (
    <div className="progress">
      <progress id={id} max={100} value={progress.percent} aria-label={label} />
      <span className="meta">
        {progress.complete
          ? `Gennemført – ${progress.completed} af ${progress.required} aktiviteter (100 %)`
          : `${progress.completed} af ${progress.required} aktiviteter gennemført (${progress.percent} %)`}
      </span>
    </div>
  );
}
