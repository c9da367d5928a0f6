/** The one inline script of the root layout (and of the raw log page): applies the theme chosen
 *  with the toggle (localStorage `theme`) before the page paints, and marks the page as running
 *  scripts (`data-js`), so controls that only work with JavaScript (`.needs-js`) show. */
export const THEME_SCRIPT = `document.documentElement.dataset.js="";try{var t=localStorage.getItem("theme");if(t==="dark"||t==="light")document.documentElement.dataset.theme=t}catch(e){}`;
