// The function library: importing this module registers every function (see README.md).
import "./core.js";
import "./stdlib.js";
export * from "./api.js";
export { rubySprintf } from "./sprintf.js";
export { versioncmp, shellquote, rubySplit } from "./core.js";
