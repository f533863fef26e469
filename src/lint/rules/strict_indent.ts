// A simplified strict_indent (the Vox Pupuli plugin): a line's indent is chars_per_indent times the
// number of distinct earlier lines that opened a still-unclosed `{`, `[` or `(` (brackets opened on
// one line count once; closers at the start of a line close before measuring; a resource title
// alone on its line indents its attributes one more level). Lines that continue
// an expression (starting with an operator, or after a line ending in one) are not judged: the
// plugin's continuation rules are not reproduced.
import { defineRule } from "../rule.js";
import type { LayoutToken } from "../layout-tokens.js";

const OPENERS = new Set(["LBRACE", "LBRACK", "LPAREN"]);
const CLOSERS = new Set(["RBRACE", "RBRACK", "RPAREN"]);
const CONTINUATION = new Set([
  "FARROW", "EQUALS", "IN_EDGE", "OUT_EDGE", "IN_EDGE_SUB", "OUT_EDGE_SUB", "AND", "OR", "PLUS", "MINUS", "TIMES", "DIV", "MODULO",
  "DOT", "QMARK", "MATCH", "NOMATCH", "ISEQUAL", "NOTEQUAL", "GREATERTHAN", "LESSTHAN", "GREATEREQUAL", "LESSEQUAL", "IN", "NOT",
  "PARROW", "LSHIFT", "RSHIFT", "COLON", "PIPE", "INHERITS",
]);

export default defineRule({
  meta: {
    name: "strict_indent", level: "warning", enabled: false, fixable: true, origin: "plugin",
    description: "Indentation that does not follow bracket depth (simplified strict_indent; continuation lines are not judged). Off by default (a plugin).",
    options: { chars_per_indent: { type: "number", default: 2, description: "spaces per indent level" } },
  },
  check(ctx) {
    const width = (ctx.options.chars_per_indent as number | undefined) ?? 2;
    const open: LayoutToken[] = [];
    const levels = (): number => {
      let n = 0;
      let last = -1;
      for (const t of open) if (t.line !== last) { n++; last = t.line; }
      return n;
    };
    const toks = ctx.layout;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      const atLineStart = !t.prev || t.prev.type === "NEWLINE" || (t.prev.type === "INDENT" && (!t.prev.prev || t.prev.prev.type === "NEWLINE"));
      if (atLineStart && t.type !== "NEWLINE" && t.type !== "INDENT" && t.type !== "WHITESPACE") {
        // close the brackets this line starts with
        let j = i;
        const popped: LayoutToken[] = [];
        while (j < toks.length && CLOSERS.has(toks[j]!.type)) {
          while (open.length && open[open.length - 1]!.type === "COLON") popped.push(open.pop()!);
          const o = open.pop();
          if (o) popped.push(o);
          j++;
          while (j < toks.length && toks[j]!.type === "WHITESPACE") j++;
        }
        const expected = levels() * width;
        for (let k = popped.length - 1; k >= 0; k--) open.push(popped[k]!);
        const indent = t.prev?.type === "INDENT" ? t.prev : undefined;
        const actual = indent ? indent.text.length : 0;
        const prevCode = t.prevCode;
        const continuation = CONTINUATION.has(t.type) || (prevCode !== undefined && CONTINUATION.has(prevCode.type));
        const tabs = indent?.text.includes("\t") ?? false;
        if (!continuation && !tabs && actual !== expected) {
          ctx.report({
            start: t.start,
            end: t.start,
            message: `indent should be ${expected} chars and is ${actual}`,
            fix: [{ start: indent ? indent.start : t.start, end: indent ? indent.end : t.start, text: " ".repeat(expected) }],
          });
        }
      }
      if (OPENERS.has(t.type)) open.push(t);
      else if (CLOSERS.has(t.type)) {
        while (open.length && open[open.length - 1]!.type === "COLON") open.pop();
        open.pop();
      } else if (t.type === "COLON" && t.nextCode && t.nextCode.type !== "LBRACE" && t.nextCode.line > t.line) {
        // a resource title alone on its line: its attributes are one level deeper
        open.push(t);
      } else if (t.type === "SEMIC" && open.length && open[open.length - 1]!.type === "COLON") open.pop();
    }
  },
});
