// The cluster tests serve the production build: reuse the one the e2e step
// made, or build it once when the code changed since.
import { buildIfNeeded } from "../../scripts/lib/build";

export default function setup() {
  buildIfNeeded((line) => console.log(line));
}
