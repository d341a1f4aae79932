import { Link } from "@remix-run/react";

export function Breadcrumbs({ items }: { items: { to?: string; label: string }[] }) {
  return (
    <nav className="breadcrumbs" aria-label="Brødkrummesti">
      {/* no-max-width: DKFDS gives lists a reading width; the trail may use the page column. */}
      <ol className="no-max-width">
        {items.map((item, index) => (
          <li key={index}>
            {item.to ? <Link to={item.to}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
