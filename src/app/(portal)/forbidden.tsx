import { ForbiddenMessage } from "@/components/status-pages";

// Rendered inside this group's layout, which already has the header and <main>.
export default function Forbidden() {
  return <ForbiddenMessage />;
}
