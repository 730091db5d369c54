export function replyEmailStatus(email: string | null | undefined): "QUEUED" | "NONE" {
  void email;
  return "NONE";
}

export async function sendReplyEmailSoon(replyId: string): Promise<void> {
  void replyId;
}
