// Hiera 5 for cfg's compiler. See README.md.
export { Hiera, LookupError, parseLookupArgs, type HieraOptions, type LookupRequest } from "./lookup.js";
export { HieraDataError, parseYamlData, parseJsonData, jsToValue } from "./data.js";
export { type HieraScope, interpolateString, interpolateValue, splitDottedKey, dig } from "./interpolate.js";
export { parseMerge, mergeTwo, deepMerge, type MergeStrategy } from "./merge.js";
export { readConfig, parseConfig, defaultConfig, type HieraConfig, type HierarchyLevel } from "./config.js";
