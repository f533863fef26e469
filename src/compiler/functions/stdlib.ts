// The most used puppetlabs-stdlib functions (pure ones; catalog ones like ensure_packages belong
// to the evaluator). Semantics follow stdlib's lib/puppet/{functions,parser/functions}.
import { PHash, PSensitive, type Value } from "../values.js";
import { puppetEquals, valueToString, valueTypeName } from "../value-ops.js";
import { FunctionError, defineFunction, sig } from "./api.js";
export {};
void PHash;
void PSensitive;
void puppetEquals;
void valueToString;
void valueTypeName;
void FunctionError;
void defineFunction;
void sig;
