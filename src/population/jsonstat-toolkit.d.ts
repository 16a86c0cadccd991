/** The part of jsonstat-toolkit's API this project uses (the package ships no types). */
declare module "jsonstat-toolkit" {
  interface Category {
    label?: string;
  }
  interface Dimension {
    label?: string;
    id: string[];
    Category(id: string): Category | null;
  }
  interface Dataset {
    class: string;
    label?: string;
    updated?: string;
    id: string[];
    size: number[];
    value: (number | null)[];
    role?: Partial<Record<"geo" | "time" | "metric", string[]>>;
    Dimension(id: string): Dimension | null;
    Dataset(i: number): Dataset;
  }
  export default function JSONstat(input: object): Dataset;
}
