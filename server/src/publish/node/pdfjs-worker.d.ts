/** pdfjs-dist ships no types for its worker module; it is only loaded to run pdf.js in this thread. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
