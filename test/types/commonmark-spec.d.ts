/** The examples of the CommonMark specification, as the npm package ships them. */
declare module 'commonmark-spec' {
  export interface Example {
    markdown: string;
    html: string;
    section: string;
    number: number;
  }
  export const tests: Example[];
  export const text: string;
}
