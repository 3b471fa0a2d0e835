/**
 * Build-time only: the preset's templates as plain JavaScript, standing in
 * for src/templates/preset.ts (`#preset`) in the bundle. Handlebars' own parser reads each template,
 * with its whitespace rules; what comes out is string concatenation, so the
 * CLI carries neither Handlebars' compiler nor its runtime (whose start-up
 * alone cost more than rendering). The text of all templates sits in one
 * array, `S`, which V8 reads once; each function only joins its pieces, so
 * it compiles at once when first called. It takes what the preset uses: text,
 * `{{name}}`, `{{helper name}}`, `{{#if name}}…{{else}}…{{/if}}` and comments.
 * Anything else, or a name that is not a template variable (strict, as at run
 * time), fails the build with the template and line. Tests hold the output
 * equal to Handlebars' own rendering.
 */
import Handlebars from "handlebars";
import { realFileSystem } from "../src/io/fs.js";
import { HELPERS } from "../src/templates/engine.js";
import { readPack } from "../src/templates/pack.js";
import { TEMPLATE_VARIABLES } from "../src/templates/template.js";

type Node = hbs.AST.Node;

class Unsupported extends Error {}

/** The templates' text, each distinct piece once: the generated code reads `S[i]`. */
export class StaticText {
  readonly pieces: string[] = [];
  private readonly index = new Map<string, number>();

  reference(text: string): string {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.pieces.push(text) - 1;
      this.index.set(text, i);
    }
    return `S[${i}]`;
  }
}

function where(node: Node): string {
  return `line ${node.loc.start.line}`;
}

/** A template variable, as JavaScript reading it from the context `c`. */
function variable(node: hbs.AST.Expression): string {
  const path = node as hbs.AST.PathExpression;
  if (node.type !== "PathExpression" || path.data || path.depth !== 0 || path.parts.length !== 1)
    throw new Unsupported(`${where(node)}: only a plain name is supported here`);
  const name = path.parts[0] as string;
  if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name))
    throw new Unsupported(`${where(node)}: "${name}" is not a template variable (${TEMPLATE_VARIABLES.join(", ")})`);
  return `c.${name}`;
}

function mustache(node: hbs.AST.MustacheStatement): string {
  if (node.hash?.pairs.length) throw new Unsupported(`${where(node)}: hash arguments are not supported`);
  if (node.params.length === 0) return variable(node.path);
  const helper = (node.path as hbs.AST.PathExpression).original;
  if (node.params.length !== 1 || !Object.hasOwn(HELPERS, helper))
    throw new Unsupported(
      `${where(node)}: {{${helper} ...}} is not a helper of ours (${Object.keys(HELPERS).join(", ")})`,
    );
  return `HELPERS.${helper}(${variable(node.params[0] as hbs.AST.Expression)})`;
}

function block(node: hbs.AST.BlockStatement, text: StaticText): string {
  const helper = (node.path as hbs.AST.PathExpression).original;
  if ((helper !== "if" && helper !== "unless") || node.params.length !== 1 || node.hash?.pairs.length)
    throw new Unsupported(`${where(node)}: only {{#if name}} and {{#unless name}} blocks are supported`);
  const test = variable(node.params[0] as hbs.AST.Expression);
  const otherwise = node.inverse ? program(node.inverse, text) : '""';
  const then = program(node.program, text);
  return helper === "if" ? `(isEmpty(${test}) ? ${otherwise} : ${then})` : `(isEmpty(${test}) ? ${then} : ${otherwise})`;
}

function program(node: hbs.AST.Program, text: StaticText): string {
  const parts = node.body.flatMap((statement): string[] => {
    switch (statement.type) {
      case "ContentStatement": {
        const { value } = statement as hbs.AST.ContentStatement;
        return value === "" ? [] : [text.reference(value)];
      }
      case "CommentStatement":
        return [];
      case "MustacheStatement":
        return [mustache(statement as hbs.AST.MustacheStatement)];
      case "BlockStatement":
        return [block(statement as hbs.AST.BlockStatement, text)];
      default:
        throw new Unsupported(`${where(statement)}: ${statement.type} is not supported`);
    }
  });
  return parts.length === 0 ? '""' : parts.join(" + ");
}

/**
 * One template as the source of a JavaScript function `(c) => string`, which
 * reads its text from `S` (collected in `text`) and calls `HELPERS` and
 * `isEmpty` from engine.ts.
 */
export function templateFunction(source: string, template: string, text: StaticText): string {
  try {
    return `(c) => ${program(Handlebars.parse(template), text)}`;
  } catch (error) {
    if (error instanceof Unsupported) throw new Error(`templates: ${source}, ${error.message}`);
    throw error;
  }
}

/** The stand-in for src/templates/preset.ts: the same export, from templates turned into functions. */
export function precompiledPresetModule(templatesDir: string): string {
  const text = new StaticText();
  const pack = (name: string): string[] =>
    readPack(realFileSystem, `${templatesDir}/${name}`).map(
      ([source, template]) => `    template(${JSON.stringify(source)}, ${templateFunction(`${name}/${source}`, template, text)}),`,
    );
  const [defaults, agents, licenses] = [pack("default"), pack("agents"), pack("licenses")];
  return [
    'import { HELPERS, isEmpty } from "./engine.js";',
    'import { template } from "./template.js";',
    `const S = [\n${text.pieces.map((piece) => JSON.stringify(piece)).join(",\n")},\n];`,
    "export function presetPacks() {",
    "  return {",
    "    default: [",
    ...defaults,
    "    ],",
    "    agents: [",
    ...agents,
    "    ],",
    "    licenses: [",
    ...licenses,
    "    ],",
    "  };",
    "}",
    "",
  ].join("\n");
}
