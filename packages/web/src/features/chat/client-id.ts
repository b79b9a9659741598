/**
 * A fresh id for one composed message. The composer keeps it until the server has the message,
 * so a double click or a retry after a network error sends the same id and never a second copy.
 */
export function newClientId(): string {
  return `web-${crypto.randomUUID()}`;
}
