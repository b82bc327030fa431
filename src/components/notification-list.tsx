import Link from "next/link";

/** "For your attention": the signed-in user's recent notices, each linking to where to act. */
export function NotificationList({
  notifications,
  here,
}: {
  notifications: { id: string; title: string; body: string; href: string | null }[];
  /** The page this list is on: a notice pointing here is shown without a link (a link back to the same page goes nowhere). */
  here?: string;
}) {
  if (notifications.length === 0) return null;
  return (
    <section aria-labelledby="notices" className="mb-8">
      <h2 id="notices" className="mb-2 text-2xl font-bold">
        For your attention
      </h2>
      <ul className="list-disc pl-6" data-testid="notifications">
        {notifications.map((n) => (
          <li key={n.id}>
            {n.href && n.href !== here ? <Link href={n.href}>{n.title}</Link> : <strong>{n.title}</strong>}
            <span className="block text-slate-700">{n.body}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
