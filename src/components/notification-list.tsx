import Link from "next/link";

/** "For your attention": the signed-in user's recent notices, each linking to where to act. */
export function NotificationList({ notifications }: { notifications: { id: string; title: string; body: string; href: string | null }[] }) {
  if (notifications.length === 0) return null;
  return (
    <section aria-labelledby="notices" className="mb-8">
      <h2 id="notices" className="mb-2 text-2xl font-bold">
        For your attention
      </h2>
      <ul className="list-disc pl-6" data-testid="notifications">
        {notifications.map((n) => (
          <li key={n.id}>
            {n.href ? <Link href={n.href}>{n.title}</Link> : n.title}
            <span className="block text-slate-700">{n.body}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
