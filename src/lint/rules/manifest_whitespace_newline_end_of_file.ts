// From the manifest_whitespace plugin (its checks are errors): a manifest ends with exactly one newline.
import { defineRule } from "../rule.js";

export default defineRule({
  meta: { name: "manifest_whitespace_newline_end_of_file", level: "error", enabled: false, fixable: true, origin: "plugin", description: "The file does not end with exactly one newline. Off by default (a plugin)." },
  check(ctx) {
    const text = ctx.file.text;
    if (text.length === 0) return;
    if (!text.endsWith("\n")) {
      ctx.report({ start: text.length, end: text.length, message: "missing newline at the end of the file", fix: [{ start: text.length, end: text.length, text: "\n" }] });
      return;
    }
    const m = /\n(?:[ \t]*\r?\n)+$/.exec(text);
    if (m) ctx.report({ start: m.index + 1, end: text.length, message: "there should be a single newline at the end of a manifest", fix: [{ start: m.index + 1, end: text.length, text: "" }] });
  },
});
