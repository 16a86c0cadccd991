import * as React from "react";
import { Subtitle2 } from "@fluentui/react-components";
import { useStyles } from "./styles";

/** A region of the pane with its heading: screen readers list them as landmarks by that heading. */
export function PaneSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}
