/**
 * One build for the shared runtime: taskpane.html carries the task pane, the custom functions and the
 * ribbon commands (Microsoft's Excel-Custom-Functions-Shared layout). The build also emits functions.json
 * (from the JSDoc), functions.sv-SE.json (the Swedish overlay) and manifest.xml.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { register } = require("tsx/cjs/api");

// The build's own helpers are TypeScript in src/tools; tsx loads them without a separate compile step.
const unregister = register();
const { MetadataOverlayPlugin } = require("./src/tools/metadataOverlayPlugin.ts");
const { chooseHttps } = require("./src/tools/devServerHttps.ts");
unregister();

const urlDev = "https://localhost:3000/";
// Where the add-in is hosted in production; set FINSAM_URL (ending in /) when building for a real host.
const urlProd = process.env.FINSAM_URL || urlDev;

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  // The workbench (task pane + headless spreadsheet, with GPL-3.0 HyperFormula) is a development tool:
  // in development builds and the dev server only, never in the production bundle.
  const workbench = dev || Boolean(env.workbench);
  const serving = Boolean(env.WEBPACK_SERVE);
  const https = serving ? await chooseHttps() : null;
  if (https) console.log(`[finsam] dev server: ${https.note}`);
  const origin = https && https.type === "http" ? urlDev.replace("https:", "http:") : dev ? urlDev : urlProd;

  return {
    // No eval-based maps: the task pane's Content-Security-Policy allows no eval.
    devtool: "source-map",
    entry: {
      // The one script of the shared page: the functions' associations (synchronous, as Excel requires), the
      // ribbon's function file and the pane's first screen, with their libraries and webpack's runtime. One
      // request: each further script before the first paint cost about a tenth of the minimal pane's paint
      // (`npm run bench:pane`: 1.05× with one script, 1.14–1.18× with a vendor chunk beside it, 1.20–1.29×
      // with runtime, vendor, shared and three entries). Every module is there once, by construction. The
      // manifest names this file as the functions' script too (Functions.Script.Url, which only a JavaScript-only
      // runtime would load; the add-in requires the shared runtime, whose page is taskpane.html).
      taskpane: ["./src/functions/functions.ts", "./src/commands/commands.ts", "./src/taskpane/index.tsx"],
      ...(workbench ? { workbench: "./src/workbench/index.tsx" } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // What the pane loads on first need (population import, checks, template builders): named, not hashed,
      // so the page and its CSP stay as they are.
      chunkFilename: "[name].js",
      // Every host the pane runs in has globalThis: webpack's runtime then uses it instead of its fallback
      // `new Function("return this")` (an eval the CSP forbids; the population worker's runtime carried it).
      environment: { globalThis: true },
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // Last in, first out: ts-loader compiles, then Griffel's loader computes our makeStyles at build
            // time (as Fluent's own components ship), so the pane needs no style compiler at run time (stylis,
            // rtl-css-js) and resolves no style object on load.
            {
              loader: "@griffel/webpack-loader",
              options: { babelOptions: { presets: ["@babel/preset-typescript"] } },
            },
            {
              loader: "ts-loader",
              options: { configFile: "tsconfig.json", compilerOptions: { noEmit: false } },
            },
          ],
        },
      ],
    },
    // No split chunks: each page loads one script with its own runtime (see the entry), and what the pane
    // needs later comes as chunks on first need (the dynamic imports in src/taskpane and src/functions).
    optimization: {
      runtimeChunk: false,
      splitChunks: { cacheGroups: { default: false, defaultVendors: false } },
    },
    performance: { hints: dev ? false : "warning", maxAssetSize: 1_500_000, maxEntrypointSize: 1_500_000 },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new MetadataOverlayPlugin({
        source: "functions.json",
        locale: "sv-SE",
        overlayFile: path.resolve(__dirname, "src/functions/locales/sv-SE.json"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      ...(workbench
        ? [
            new HtmlWebpackPlugin({
              filename: "workbench.html",
              template: "./src/workbench/workbench.html",
              chunks: ["workbench"],
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return content.toString().replace(new RegExp(urlDev, "g"), origin);
            },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist"), publicPath: "/" },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https
        ? https.type === "https"
          ? { type: "https", options: https.options }
          : { type: "http" }
        : undefined,
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      client: { overlay: { warnings: false } },
    },
  };
};
