// Source paths as a report or a diffstat prints them, made comparable: the judge matches stack
// files against the culprit's files with this, and the page marks frames "touched by culprit"
// and links sources with the same. Pure.

/** `./include/x.h` -> `include/x.h`; `arch/x86/kvm/../../../virt/kvm/kvm_main.c` -> `virt/kvm/kvm_main.c` */
export function normalisePath(path: string): string {
  // most paths are normal already (no empty, `.` or `..` part): a culprit may list 60,000 of them
  if (path.charCodeAt(0) !== 47 && path.charCodeAt(path.length - 1) !== 47 && path.charCodeAt(0) !== 46 && !path.includes("//") && !path.includes("/.")) return path;
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}
