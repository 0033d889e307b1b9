import base from './playwright.config';

// The same servers as the end-to-end suite, but only the screenshot script.
export default { ...base, testMatch: /screenshots\.shots\.ts$/ };
