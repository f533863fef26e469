// cfg's version, as package.json gives it (a test keeps the two equal). A constant rather than a
// read of package.json at run time: the bundle does not know where package.json is.
export const VERSION = "0.1.0";
