// Control characters in text a user sends. PostgreSQL refuses NUL in text (22021, a bare 500
// if it gets that far), and the others (escape, backspace, DEL, C1) only garble a page.

/** C0 controls, DEL and C1 controls: none belongs in a search, a path, a hash or a link. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The same, less tab, newline and carriage return: what free prose (a note) may not hold. */
export const CONTROL_IN_PROSE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
