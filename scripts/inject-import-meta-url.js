// Injected into the CommonJS bin, where import.meta.url (used by the ES sources) does not exist.
export const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;
