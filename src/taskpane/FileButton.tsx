import * as React from "react";
import { Button } from "@fluentui/react-components";

/**
 * A button that opens the file dialog, for the pane's imports: the file input itself is hidden, and is
 * emptied after each choice so that choosing the same file again reads it again.
 */
export function FileButton(props: {
  label: string;
  fileLabel: string;
  accept: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}): React.JSX.Element {
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <Button disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={props.fileLabel}
        accept={props.accept}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}
