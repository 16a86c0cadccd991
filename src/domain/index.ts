/** The FINSAM rules as pure TypeScript: no Office, no React, no DOM. */
export * from "./errors";
export * from "./numbers";
export * from "./names";
export * from "./rounding";
export * from "./financing";
export * from "./budget";
export * from "./equityCeiling";
export * from "./socialBudget";
export * from "./impactIndex";
export * from "./indicators";
export * from "./costSplit";
