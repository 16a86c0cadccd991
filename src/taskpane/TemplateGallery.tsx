import * as React from "react";
import { Caption1, Radio, RadioGroup, Subtitle2 } from "@fluentui/react-components";
import type { Messages } from "../i18n";
import { TEMPLATE_IDS, type TemplateId } from "../templates";
import { useStyles } from "./styles";

/** The four templates as one radio group: arrow keys move between them, each says what it makes. */
export function TemplateGallery({
  t,
  selected,
  onSelect,
}: {
  t: Messages;
  selected: TemplateId;
  onSelect: (id: TemplateId) => void;
}) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="gallery-heading">
      <Subtitle2 as="h2" id="gallery-heading">
        {t.pane.galleryHeading}
      </Subtitle2>
      <RadioGroup
        aria-label={t.pane.galleryLabel}
        value={selected}
        onChange={(_, data) => onSelect(data.value as TemplateId)}
      >
        {TEMPLATE_IDS.map((id) => (
          <Radio
            key={id}
            value={id}
            label={
              <>
                {t.pane.templates[id].name}
                <br />
                <Caption1>{t.pane.templates[id].description}</Caption1>
              </>
            }
          />
        ))}
      </RadioGroup>
    </section>
  );
}
