// The confirmation a page shows after a form redirected back to it (lib/actions/notice.ts).
import { readNotice } from "@/lib/actions/notice";
import { StatusMessage } from "./status-message";

export function Notice({ params }: { params: Record<string, string | string[] | undefined> }) {
  const notice = readNotice(params);
  if (!notice) return null;
  return (
    <StatusMessage>
      {notice.text}
      {notice.subject ? (
        <>
          : <span className="mono">{notice.subject}</span>
        </>
      ) : null}
    </StatusMessage>
  );
}
