// Small pieces shared by the moderation overview and each bid's page.
export function RuleNote({ description }: { description: string }) {
  return (
    <p className="mb-2 max-w-3xl border-l-4 border-nhs-blue bg-white p-3" data-testid="rule">
      <strong>How votes are combined: </strong>
      {description}
    </p>
  );
}

export function NotCountedList({ notCounted }: { notCounted: { excluded: string[]; withdrawn: string[]; absent: string[] } }) {
  if (notCounted.excluded.length + notCounted.withdrawn.length + notCounted.absent.length === 0) return null;
  return (
    <ul className="mt-4 list-disc pl-6">
      {notCounted.excluded.length > 0 && <li>Not counted (declared a conflict): {notCounted.excluded.join(", ")}</li>}
      {notCounted.withdrawn.length > 0 && <li>Not counted (stepped back): {notCounted.withdrawn.join(", ")}</li>}
      {notCounted.absent.length > 0 && <li>Not counted (absent): {notCounted.absent.join(", ")}</li>}
    </ul>
  );
}
