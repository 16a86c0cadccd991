import * as React from "react";
import { useStyles } from "./styles";
import { useTypography } from "./typography";

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
  const type = useTypography();
  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={type.subtitle2}>
        {title}
      </h2>
      {children}
    </section>
  );
}
