// The log page's one script, as text for an inline <script nonce>: keeps the highlighted lines in
// step with the URL (`?L=a-b`, which the server already highlighted, `#L<n>`, or the older
// `#L<a>-L<b>`). A click on a line number selects that line, a shift-click extends to a range;
// the URL is updated with replaceState (`#L<n>` for a line, `?L=a-b#L<a>` for a range), so a
// copied link shows the same lines with or without JavaScript, and Back still leaves the page.
// Ranges are read as lib/log-range.ts reads them (e2e/log-page.spec.ts checks both agree).
export const logLineScript = `(function(){
var root=document.querySelector("[data-log-lines]");if(!root)return;
var RANGE=/^L?(\\d{1,8})(?:-L?(\\d{1,8}))?$/;
function parse(raw){if(!raw)return null;var m=RANGE.exec(raw.charAt(0)==="#"?raw.slice(1):raw);if(!m)return null;var a=Number(m[1]),b=m[2]===undefined?a:Number(m[2]);if(a<1||b<1)return null;return a<=b?[a,b]:[b,a];}
function current(){var h=parse(location.hash),q=parse(new URLSearchParams(location.search).get("L"));if(h&&(h[0]!==h[1]||!q||q[0]!==h[0]))return h;return q||h;}
function urlFor(r){var p=new URLSearchParams(location.search);if(r[0]===r[1])p.delete("L");else p.set("L",r[0]+"-"+r[1]);var s=p.toString();return location.pathname+(s?"?"+s:"")+"#L"+r[0];}
function paint(r){var old=root.querySelectorAll("[data-sel]");for(var i=0;i<old.length;i++)old[i].removeAttribute("data-sel");if(!r)return;for(var n=r[0];n<=r[1];n++){var el=document.getElementById("L"+n);if(el)el.setAttribute("data-sel","");}}
function show(scroll){var r=current();paint(r);if(r&&scroll){var el=document.getElementById("L"+r[0]);if(el)el.scrollIntoView({block:"center"});}}
var anchor=(current()||[null])[0];
root.setAttribute("data-js","");
root.addEventListener("click",function(e){var a=e.target.closest&&e.target.closest("a[href^='#L']");if(!a||e.button!==0||e.ctrlKey||e.metaKey||e.altKey)return;e.preventDefault();var n=Number(a.getAttribute("href").slice(2)),r=[n,n];if(e.shiftKey&&anchor!==null&&anchor!==n)r=[Math.min(anchor,n),Math.max(anchor,n)];else anchor=n;history.replaceState(history.state,"",urlFor(r));var s=window.getSelection();if(s)s.removeAllRanges();show(false);});
window.addEventListener("hashchange",function(){anchor=(current()||[null])[0];show(true);});
show(true);
})();`;
