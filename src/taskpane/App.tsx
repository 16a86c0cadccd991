import * as React from "react";
import { Button } from "@fluentui/react-components";
import { loadFunctions } from "../functions/functions";
import { firstScreen, loadLocale, setLocale as setFunctionLocale, type Locale } from "../i18n";
import type { FetchOptions } from "../population/scb";
import type { TemplateId } from "../templates/spec";
import type { WorkbookService } from "../workbook/service";
import { TemplateGallery } from "./TemplateGallery";
import { useStyles } from "./styles";
import { useTypography } from "./typography";

export interface AppProps {
  service: WorkbookService;
  initialLocale: Locale;
  insideOffice: boolean;
  /** How SCB's API is reached (tests); the browser's fetch by default. */
  fetchOptions?: FetchOptions;
}

/**
 * The rest of the pane (see PaneBody) as a chunk of its own, with the catalogue it speaks: both are loaded
 * together once the first screen is painted.
 */
function lazyBody(locale: Locale) {
  return React.lazy(() =>
    Promise.all([import(/* webpackChunkName: "pane" */ "./PaneBody"), loadLocale(locale)]).then(([m]) => m),
  );
}

/**
 * True from the frame after the first paint: a callback queued from requestAnimationFrame runs once that
 * frame has been drawn. What waits for it does not delay the first screen.
 */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = React.useState(false);
  React.useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const after = () => (timer = setTimeout(() => setPainted(true), 0));
    const frame = typeof requestAnimationFrame === "function" ? requestAnimationFrame(after) : undefined;
    if (frame === undefined) after();
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted;
}

/** What stands in for the pane's body when its chunk could not be loaded (the server is gone, say). */
class LoadFailed extends React.Component<
  { message: React.ReactNode; children: React.ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.message : this.props.children;
  }
}

/**
 * The task pane. Its first screen is the header and the template gallery, with their own few strings; the
 * options, insert, the check and the functions (PaneBody) come as a chunk, with the catalogue, once that
 * screen is painted, behind a status line that says so.
 */
export function App({ service, initialLocale, insideOffice, fetchOptions }: AppProps) {
  const styles = useStyles();
  const type = useTypography();
  const [locale, setLocale] = React.useState<Locale>(initialLocale);
  const [switching, setSwitching] = React.useState(false);
  const t = firstScreen(locale);
  const [selected, setSelected] = React.useState<TemplateId>("budget");
  const painted = useAfterFirstPaint();
  const [PaneBody] = React.useState(() => lazyBody(initialLocale));
  // The custom functions' implementation, too, once the first screen is up (or on the first call, if sooner).
  React.useEffect(() => {
    if (painted) loadFunctions().catch(() => undefined); // a failed load is retried by the first call
  }, [painted]);

  React.useEffect(() => {
    setFunctionLocale(locale);
    document.title = t.app.title;
    document.documentElement.lang = locale;
  }, [locale, t]);

  // The other language's catalogue is loaded when the user first asks for it.
  const switchLanguage = () => {
    const other: Locale = locale === "sv" ? "en" : "sv";
    setSwitching(true);
    loadLocale(other).then(
      () => {
        setSwitching(false);
        setLocale(other);
      },
      () => setSwitching(false),
    );
  };

  // Plain text, not a Spinner: the first screen carries no component it does not need.
  const status = (text: string) => (
    <span role="status" className={type.caption1}>
      {text}
    </span>
  );
  const loading = status(t.pane.loadingPane);
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <div className={styles.headerRow}>
          <h1 className={type.title3}>{t.app.title}</h1>
          <Button
            appearance="subtle"
            size="small"
            aria-label={t.pane.otherLanguageLabel}
            disabled={switching}
            onClick={switchLanguage}
          >
            {t.pane.otherLanguage}
          </Button>
        </div>
        <span className={type.body1}>{t.app.tagline}</span>
        {!insideOffice && status(t.app.outsideOffice)}
        {switching && status(t.pane.loadingLanguage)}
      </header>

      <TemplateGallery t={t} selected={selected} onSelect={setSelected} />
      {painted ? (
        <LoadFailed message={status(t.pane.loadFailed)}>
          <React.Suspense fallback={loading}>
            <PaneBody locale={locale} service={service} selected={selected} fetchOptions={fetchOptions} />
          </React.Suspense>
        </LoadFailed>
      ) : (
        loading
      )}
    </main>
  );
}
