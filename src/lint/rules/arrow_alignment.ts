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
      // The body's tokens run from the title's colon to the closing `;`/`}` (comments skipped).
      // Bodies whose arrows are all on one line need nothing more.
      let first: LayoutToken | undefined;
      let last: LayoutToken | undefined;
      for (let i = res.start; i < res.end; i++) {
        const t = layout[i]!;
        if (t.type !== "FARROW") continue;
        first ??= t;
        last = t;
      }
      if (!first || first.line === last!.line) continue;
      for (let i = res.start - 1; i <= res.end; i++) {
        const token = layout[i]!;
        if (COMMENTS.has(token.type)) continue;
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
          } else paramLength = param.end - param.start;
          if (paramColumn[level] === undefined) paramColumn[level] = paramStartColumn;
          const lt = (levelTokens[level] ??= []);
          // lt holds this level's arrows in source order: one on this line already is the last one.
          const sameLine = lt.length > 0 && lt[lt.length - 1]!.line === token.line;
          const thisColumn = sameLine ? paramColumn[level]! + paramLength + 1 : param.column + (param.end - param.start) + 1;
          if ((arrowColumn[level] ?? 0) < thisColumn) arrowColumn[level] = thisColumn;
          lt.push(token);
        } else if (token.type === "LBRACE") {
          level++;
          arrowColumn[level] = 0;
          levelTokens[level] ??= [];
          paramColumn[level] = undefined;
        } else if (token.type === "RBRACE" || token.type === "SEMIC") {
          const lt = (levelTokens[level] ??= []);
          if (lt.length > 1 && lt[0]!.line !== lt[lt.length - 1]!.line) {
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
