import { readFileSync } from "node:fs";
import type { Compilation, Compiler } from "webpack";
import { applyOverlay, type FunctionsMetadata, type LocaleOverlay } from "./metadataOverlay";

/**
 * Webpack plugin: after custom-functions-metadata-plugin has emitted functions.json, emit
 * functions.<locale>.json with the overlay applied; a missing translation fails the build.
 */
export class MetadataOverlayPlugin {
  constructor(private readonly options: { source: string; locale: string; overlayFile: string }) {}

  apply(compiler: Compiler): void {
    const { webpack } = compiler;
    compiler.hooks.thisCompilation.tap("MetadataOverlayPlugin", (compilation: Compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "MetadataOverlayPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.options.source);
          if (!asset) {
            compilation.errors.push(
              new webpack.WebpackError(`MetadataOverlayPlugin: ${this.options.source} was not generated`),
            );
            return;
          }
          compilation.fileDependencies.add(this.options.overlayFile);
          const metadata = JSON.parse(asset.source.source().toString()) as FunctionsMetadata;
          const overlay = JSON.parse(readFileSync(this.options.overlayFile, "utf8")) as LocaleOverlay;
          const { metadata: localized, problems } = applyOverlay(metadata, overlay);
          for (const problem of problems) {
            compilation.errors.push(new webpack.WebpackError(`${this.options.overlayFile}: ${problem}`));
          }
          const name = this.options.source.replace(/\.json$/, `.${this.options.locale}.json`);
          compilation.emitAsset(name, new webpack.sources.RawSource(JSON.stringify(localized, null, 2)));
        },
      );
    });
  }
}
