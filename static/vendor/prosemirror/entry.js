// The entry of the vendored ProseMirror bundle (prosemirror.min.js beside this file).
// Rebuild with `npm ci && npm run build:prosemirror`; see README.md.
export * as model from "prosemirror-model";
export * as state from "prosemirror-state";
export * as view from "prosemirror-view";
export * as transform from "prosemirror-transform";
export * as commands from "prosemirror-commands";
export * as keymap from "prosemirror-keymap";
export * as history from "prosemirror-history";
export * as schemaList from "prosemirror-schema-list";
export * as dropcursor from "prosemirror-dropcursor";
export * as gapcursor from "prosemirror-gapcursor";
