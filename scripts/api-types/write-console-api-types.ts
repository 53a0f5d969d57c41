import { writeFileSync } from 'node:fs';
import { CONSOLE_API_TYPES_FILE, consoleApiTypes } from './console-api-types.js';

/** `npm run api-types`: regenerates the console's API types from the server's routes. */
writeFileSync(CONSOLE_API_TYPES_FILE, await consoleApiTypes());
console.log(`wrote ${CONSOLE_API_TYPES_FILE}`);
