/**
 * The one inline script of the hosted index.html, and the first script of the single file: it runs
 * while the page is parsed, before any of the app's code, and picks the prerendered start screen in
 * the user's language (scripts/prerender.ts writes the Dutch one into #root and the English one into
 * a <template>). Same choice as the app's (src/ui/i18n.ts `initialLocale`): the remembered language,
 * else English for a browser in English, else Dutch. It also applies a remembered theme (as
 * src/ui/theme.ts does), so a dark-theme user sees no light flash. On any other address than the
 * start screen (a reload on a wizard step) it removes the prerendered markup: that screen is not the
 * start screen, and showing it would be wrong for a moment.
 *
 * It touches no HTML or script sink (only replaceChildren, cloneNode, attributes), so Trusted Types
 * do not concern it; its hash is in script-src of both builds (scripts/csp.ts).
 */
import { createHash } from 'node:crypto';

/** The id of the <template> with the English start screen. */
export const EN_TEMPLATE_ID = 'fria-start-en';

export const START_SCRIPT =
  '(()=>{const d=document,h=d.documentElement,r=d.getElementById("root"),t=d.getElementById("' +
  EN_TEMPLATE_ID +
  '");let l=null,m=null;' +
  'try{l=localStorage.getItem("fria.lang");m=localStorage.getItem("fria.theme")}catch(e){}' +
  'if(m==="light"||m==="dark"||m==="contrast")h.dataset.theme=m;' +
  'if(l!=="nl"&&l!=="en")l=(navigator.language||"").toLowerCase().startsWith("en")?"en":"nl";' +
  'h.lang=l;if(!r||!t)return;' +
  'if(!/^#?\\/*$/.test(location.hash)){r.replaceChildren();delete r.dataset.prerender}' +
  'else if(l==="en"){r.replaceChildren(t.content.cloneNode(true));r.dataset.prerender="en";d.title=t.dataset.title}' +
  't.remove()})();';

/** The CSP source that allows exactly this script. */
export const START_SCRIPT_HASH = `'sha256-${createHash('sha256').update(START_SCRIPT, 'utf8').digest('base64')}'`;
