import * as React from "react";
import { makeStyles } from "@fluentui/react-components";
import type { FirstScreenMessages } from "../i18n";
import { TEMPLATE_IDS } from "../templates/ids";
import type { TemplateId } from "../templates/spec";
import { PaneSection } from "./PaneSection";
import { token } from "./tokens";
import { useTypography } from "./typography";

/**
 * The gallery is the pane's first screen, so it is made of the browser's own radio buttons (what Fluent's
 * Radio wraps too), in Fluent's colours and type, rather than six Fluent Radios: those cost the first paint
 * some 50 ms on a slow machine (`npm run bench:pane`). Arrow keys, Space and the screen reader's radio-group
 * semantics are the browser's.
 */
const useGalleryStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: token.spacingVerticalXS },
  option: {
    display: "flex",
    alignItems: "flex-start",
    gap: token.spacingHorizontalS,
    padding: `${token.spacingVerticalXS} ${token.spacingHorizontalXS}`,
    borderRadius: token.borderRadiusMedium,
    cursor: "pointer",
    fontFamily: token.fontFamilyBase,
    fontSize: token.fontSizeBase300,
    lineHeight: token.lineHeightBase300,
    color: token.colorNeutralForeground1,
    ":hover": { backgroundColor: token.colorSubtleBackgroundHover },
  },
  input: {
    flexShrink: 0,
    width: "16px",
    height: "16px",
    margin: `2px 0 0 0`,
    accentColor: token.colorCompoundBrandBackground,
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${token.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  text: { display: "flex", flexDirection: "column" },
});

/** The templates as one radio group: arrow keys move between them, each says what it makes. */
export function TemplateGallery({
  t,
  selected,
  onSelect,
}: {
  t: FirstScreenMessages;
  selected: TemplateId;
  onSelect: (id: TemplateId) => void;
}) {
  const styles = useGalleryStyles();
  const type = useTypography();
  return (
    <PaneSection id="gallery" title={t.pane.galleryHeading}>
      <div role="radiogroup" aria-label={t.pane.galleryLabel} className={styles.group}>
        {TEMPLATE_IDS.map((id) => (
          <label key={id} className={styles.option}>
            <input
              type="radio"
              name="finsam-template"
              value={id}
              checked={selected === id}
              onChange={() => onSelect(id)}
              className={styles.input}
            />
            <span className={styles.text}>
              {t.pane.templates[id].name}
              <span className={type.caption1}>{t.pane.templates[id].description}</span>
            </span>
          </label>
        ))}
      </div>
    </PaneSection>
  );
}
