"use client";
import { useActionState } from "react";
import { markBisection, type MarkState } from "@/app/b/[id]/actions";
import { MARK_CHOICE, MARK_CHOICES } from "@/lib/domain/words";

const initial: MarkState = { error: null };

/** Mark a bisection right, wrong, or wrong with the real culprit. A plain form without JavaScript. */
export function MarkForm({ id, tokenField }: { id: string; tokenField: boolean }) {
  const [state, action, pending] = useActionState(markBisection, initial);
  return (
    <form action={action} className="mt-2 space-y-2" aria-describedby={state.error ? "mark-error" : undefined}>
      <input type="hidden" name="id" value={id} />
      <fieldset className="flex flex-wrap gap-x-4">
        <legend className="font-medium">Your verdict</legend>
        {MARK_CHOICES.map((c, i) => (
          <label key={c}>
            <input type="radio" name="verdict" value={c} required={i === 0} /> {MARK_CHOICE[c]}
          </label>
        ))}
        <label htmlFor="mark-culprit" className="sr-only">
          real culprit commit hash
        </label>
        <input id="mark-culprit" name="culprit" placeholder="commit hash" spellCheck={false} className="w-48 rounded border border-line bg-soft px-1 font-mono" />
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <label className="flex flex-1 flex-col">
          <span className="font-medium">Note</span>
          <textarea name="note" rows={2} className="rounded border border-line bg-soft p-1" />
        </label>
        <label className="flex flex-col">
          <span className="font-medium">lore link (optional)</span>
          <input name="lore" type="url" placeholder="https://lore.kernel.org/..." className="w-80 rounded border border-line bg-soft px-1 font-mono" />
        </label>
        {tokenField && (
          <label className="flex flex-col">
            <span className="font-medium">Write token</span>
            <input name="token" type="password" autoComplete="current-password" className="w-48 rounded border border-line bg-soft px-1 font-mono" />
          </label>
        )}
      </div>
      <button type="submit" disabled={pending} className="rounded border border-accent bg-accent px-3 py-1 font-medium text-bg disabled:opacity-60">
        {pending ? "Saving…" : "Add my mark"}
      </button>
      {state.error && (
        <p id="mark-error" role="alert" className="rounded border border-line bg-bad-bg p-2 text-bad-fg">
          <strong>Not stored:</strong> {state.error}
        </p>
      )}
    </form>
  );
}
