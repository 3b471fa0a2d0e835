// prompts' key table, with the keys a shell's line editor gives meaning to: Ctrl-U clears the answer typed
// so far (prompts would insert it as text: an invisible "\u0015" that the name check then refuses), and any
// other control key it has no action for rings the bell instead of entering the answer. Bundled into
// dist/prompts.cjs in place of prompts' lib/util/action.js (build/build.mjs).
const action = require("prompts/lib/util/action.js");

module.exports = (key, isSelect) => {
  if (key.ctrl && !key.meta && key.name === "u") return "reset";
  const chosen = action(key, isSelect);
  return chosen === false && key.ctrl && !key.meta ? "bell" : chosen;
};
