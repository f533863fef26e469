// Ported from puppet-lint's arrow_alignment so that both report the same arrows: within each `{}`
// level of a resource body, every `=>` must sit one column after the longest attribute name.
import { defineRule } from "../rule.js";
import type { LayoutToken } from "../layout-tokens.js";
import { resourceIndexes } from "./token-util.js";

const COMMENTS = new Set(["COMMENT", "SLASH_COMMENT", "MLCOMMENT"]);

export default defineRule({
  meta: { name: "arrow_alignment", level: "warning", enabled: true, fixable: true, origin: "puppet-lint", description: "`=>` arrows not aligned within a resource body or hash spread over several lines." },
  check(ctx) {
    const layout = ctx.layout;
    for (const res of resourceIndexes(layout)) {
      const arrowColumn: number[] = [0];
      let level = 0;
      const levelTokens: LayoutToken[][] = [];
      const paramColumn: (number | undefined)[] = [undefined];
      // The body's tokens (from the title's colon to the closing `;`/`}`) without comments.
      const toks: LayoutToken[] = [];
      for (let i = res.start - 1; i <= res.end; i++) if (!COMMENTS.has(layout[i]!.type)) toks.push(layout[i]!);
      const first = toks.findIndex((t) => t.type === "FARROW");
      if (first < 0) continue;
      let last = -1;
      for (let i = toks.length - 1; i >= 0; i--) if (toks[i]!.type === "FARROW") { last = i; break; }
      if (toks[first]!.line === toks[last]!.line) continue;
      for (const token of toks) {
        if (token.type === "FARROW") {
          const param = token.prevCode;
          if (!param) continue;
          let paramLength: number;
          let paramStartColumn = param.column;
          if (param.type === "DQPOST") {
            let it: LayoutToken | undefined = param;
            while (it && it.type !== "DQPRE") it = it.prev;
            const pre = it ?? param;
            paramLength = param.end - pre.start;
            paramStartColumn = pre.column;
          } else paramLength = param.text.length;
          if (paramColumn[level] === undefined) paramColumn[level] = paramStartColumn;
          const lt = (levelTokens[level] ??= []);
          const thisColumn = lt.some((t) => t.line === token.line) ? paramColumn[level]! + paramLength + 1 : param.column + param.text.length + 1;
          if ((arrowColumn[level] ?? 0) < thisColumn) arrowColumn[level] = thisColumn;
          lt.push(token);
        } else if (token.type === "LBRACE") {
          level++;
          arrowColumn[level] = 0;
          levelTokens[level] ??= [];
          paramColumn[level] = undefined;
        } else if (token.type === "RBRACE" || token.type === "SEMIC") {
          const lt = (levelTokens[level] ??= []);
          if (new Set(lt.map((t) => t.line)).size > 1) {
            const expected = arrowColumn[level]!;
            for (const arrow of lt) {
              if (arrow.column === expected || lt.length === 1) continue;
              const onLine = lt.filter((t) => t.line === arrow.line);
              const newline = onLine.indexOf(arrow) !== 0;
              let fix;
              if (!newline) {
                const prevWs = arrow.prev?.type === "WHITESPACE" ? arrow.prev : undefined;
                const len = (prevWs ? prevWs.text.length : 0) + (expected - arrow.column);
                if (len >= 0) fix = prevWs ? [{ start: prevWs.start, end: prevWs.end, text: " ".repeat(len) }] : [{ start: arrow.start, end: arrow.start, text: " ".repeat(len) }];
              }
              ctx.report({
                start: arrow.start,
                end: arrow.end,
                message: `indentation of => is not properly aligned (expected in column ${expected}, but found it in column ${arrow.column})`,
                fix,
              });
            }
          }
          arrowColumn[level] = 0;
          lt.length = 0;
          paramColumn[level] = undefined;
          level--;
          if (level < 0) level = arrowColumn.length - 1; // Ruby's arr[-1]
        }
      }
    }
  },
});
