// Where a form posted without the needed role lands (lib/auth/session.ts): answered 403 with the
// "not allowed" page, as a script-made request gets straight away.
import { forbidden } from "next/navigation";

export default function NotAllowed(): never {
  forbidden();
}
