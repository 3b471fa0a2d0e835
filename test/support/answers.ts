import type { Answers } from "../../src/options/table.js";

export const DEFAULT_ANSWERS: Answers = {
  name: "my-service",
  package: "my_service",
  description: "A command-line tool built with spec-driven development.",
  author: "Ada Lovelace",
  python: "3.13",
  license: "Proprietary",
  agents: ["copilot", "agents-md"],
  git: false,
  install: false,
};

/** Every character class that breaks naive templating: quotes, YAML and TOML syntax, Handlebars, HTML, non-ASCII. */
export const HARD_ANSWERS: Answers = {
  ...DEFAULT_ANSWERS,
  name: "Hard.Name_2",
  package: "hard_name_2",
  description: 'Ships "fast": it\'s <safe> & {{not}} a #template — \\n ünïcödé: - [x] {a: b}',
  author: "Zoë O'Brien & Co <zoe@example.com>",
  python: "3.12",
};

export const NO_AUTHOR: Answers = { ...DEFAULT_ANSWERS, author: "" };
