"use client";
import { useActionState, useRef, useState } from "react";
import { uploadLog, type UploadState } from "@/app/upload/actions";

const initial: UploadState = { error: null, line: null };

/** Paste, choose or drop a log. Works as a plain form without JavaScript. */
export function UploadForm({ tokenField = false, maxBytes }: { tokenField?: boolean; maxBytes: number }) {
  const [serverState, action, pending] = useActionState(uploadLog, initial);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const state = tooLarge ? { error: tooLarge, line: null } : serverState;
  // said before a byte is sent; without JavaScript the server answers 413 with the same sentence
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    const size = file?.size ?? new Blob([area.current?.value ?? ""]).size;
    if (size > maxBytes) {
      e.preventDefault();
      setTooLarge(`the log is ${size} bytes; a log may be at most ${maxBytes} bytes (10 MiB)`);
    } else setTooLarge(null);
  };
  const [dragging, setDragging] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const onDrop = async (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f && area.current) area.current.value = await f.text();
  };
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-2" aria-describedby={state.error ? "upload-error" : undefined}>
      <label htmlFor="log" className="block font-medium">
        Log text, or a syzbot link or email
      </label>
      <textarea
        // a refused upload comes back with its text: a new key mounts it with that text
        key={serverState.pasted === undefined ? "empty" : `back-${serverState.error}-${serverState.pasted?.length ?? 0}`}
        defaultValue={serverState.pasted ?? ""}
        id="log"
        name="log"
        ref={area}
        rows={18}
        spellCheck={false}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        placeholder={"bisecting cause commit starting from 9c54130cd255...\nbuilding syzkaller on ...\n\n(paste a log, a link such as https://syzkaller.appspot.com/x/bisect.txt?x=<id>\nor /bug?extid=<extid>, or a whole syzbot email; or drop a file)"}
        className={`w-full rounded border bg-soft p-2 font-mono text-xs ${dragging ? "border-accent" : "border-line"}`}
      />
      {tokenField && (
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor="token" className="font-medium">
            Upload token
          </label>
          <input id="token" name="token" type="password" required autoComplete="current-password" className="min-w-64 rounded border border-line bg-soft p-1 font-mono" />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor="file" className="font-medium">
          or a file
        </label>
        <input id="file" name="file" type="file" accept=".txt,text/plain" className="text-sm" />
        <button
          type="submit"
          disabled={pending}
          className="ml-auto rounded border border-accent bg-accent px-3 py-1 font-medium text-bg disabled:opacity-60"
        >
          {pending ? "Parsing…" : "Upload"}
        </button>
      </div>
      {state.error && (
        <p id="upload-error" role="alert" className="rounded border border-line bg-bad-bg p-2 text-bad-fg">
          <strong>Not stored:</strong> {state.error}
          {state.line !== null && <> (line {state.line})</>}
        </p>
      )}
    </form>
  );
}
