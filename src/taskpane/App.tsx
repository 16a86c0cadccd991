import * as React from "react";
import { Button } from "@fluentui/react-components";
import { loadFunctions } from "../functions/functions";
import { loadLocale, messages, setLocale as setFunctionLocale, type Locale } from "../i18n";
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

/** The rest of the pane, as its own chunk (see PaneBody). */
const PaneBody = React.lazy(() => import(/* webpackChunkName: "pane" */ "./PaneBody"));

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

/**
 * The task pane. Its first screen is the header and the template gallery; the options, insert, the check and
 * the functions (PaneBody) come as a chunk loaded once that screen is painted, behind a spinner that says so.
 */
export function App({ service, initialLocale, insideOffice, fetchOptions }: AppProps) {
  const styles = useStyles();
  const type = useTypography();
  const [locale, setLocale] = React.useState<Locale>(initialLocale);
  const [switching, setSwitching] = React.useState(false);
  const t = messages(locale);
  const [selected, setSelected] = React.useState<TemplateId>("budget");
  const painted = useAfterFirstPaint();
  // The custom functions' implementation, too, once the first screen is up (or on the first call, if sooner).
  React.useEffect(() => {
    if (painted) loadFunctions().catch(() => undefined); // a failed load is retried by the first call
  }, [painted]);

  React.useEffect(() => {
    setFunctionLocale(locale);
    document.title = t.app.title;
    document.documentElement.lang = locale;
  }, [locale, t]);

  // The other language's catalogue is a chunk of its own, loaded when the user first asks for it.
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
  const loading = (
    <span role="status" className={type.caption1}>
      {t.pane.loadingPane}
    </span>
  );
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
        {!insideOffice && (
          <span role="status" className={type.caption1}>
            {t.app.outsideOffice}
          </span>
        )}
        {switching && (
          <span role="status" className={type.caption1}>
            {t.pane.loadingLanguage}
          </span>
        )}
      </header>

      <TemplateGallery t={t} selected={selected} onSelect={setSelected} />
      {painted ? (
        <React.Suspense fallback={loading}>
          <PaneBody t={t} locale={locale} service={service} selected={selected} fetchOptions={fetchOptions} />
        </React.Suspense>
      ) : (
        loading
      )}
    </main>
  );
}
