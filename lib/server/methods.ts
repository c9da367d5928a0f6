// The methods a route handler does not answer: 405 with an Allow header and a sentence (Next
// answers them with an empty 405 and no Allow). A route exports what `otherMethods` gives:
//   export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], "json");

type Method = "POST" | "PUT" | "PATCH" | "DELETE";
const ALL: Method[] = ["POST", "PUT", "PATCH", "DELETE"];

export function otherMethods(allowed: readonly ("GET" | "POST")[], body: "json" | "text"): Record<Method, () => Response> {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const out = {} as Record<Method, () => Response>;
  for (const m of ALL) {
    const sentence = `${m} is not answered here: this URL takes ${allowed.join(" and ")}`;
    out[m] = () =>
      body === "json"
        ? Response.json({ error: sentence }, { status: 405, headers: { Allow: allow } })
        : new Response(`${sentence}\n`, { status: 405, headers: { Allow: allow, "content-type": "text/plain; charset=utf-8" } });
  }
  return out;
}
