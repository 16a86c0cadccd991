import * as React from "react";
import { Caption1, Radio, RadioGroup } from "@fluentui/react-components";
import type { Messages } from "../i18n";
import { TEMPLATE_IDS } from "../templates/ids";
import type { TemplateId } from "../templates/spec";
import { PaneSection } from "./PaneSection";

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
  return (
    <PaneSection id="gallery" title={t.pane.galleryHeading}>
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
    </PaneSection>
  );
}
