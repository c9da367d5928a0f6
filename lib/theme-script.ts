/** The one inline script of the root layout (and of the raw log page): applies the theme chosen
 *  with the toggle (localStorage `theme`) before the page paints. */
export const THEME_SCRIPT = `try{var t=localStorage.getItem("theme");if(t==="dark"||t==="light")document.documentElement.dataset.theme=t}catch(e){}`;
