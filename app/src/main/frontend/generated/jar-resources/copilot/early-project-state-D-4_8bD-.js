import { n as e } from "./chunk-DiqZc92J.js";
//#region frontend/copilot/shared/early-project-state.ts
var t, n = e((() => {
	if (t = window.Vaadin.copilot._earlyProjectState, !t) throw Error("Tried to access early project state before it was initialized.");
}));
//#endregion
export { n, t };
