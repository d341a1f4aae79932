import { Link } from "@remix-run/react";

/** A single sign-on that did not end in a session: the reason, and the ways on. */
export function SignInRefused({ message }: { message: string }) {
  return (
    <div className="login-form">
      <h1>Du er ikke logget ind</h1>
      <div className="alert alert-error" role="alert">
        <div className="alert-body">
          <p className="alert-text">{message}</p>
        </div>
      </div>
      <p>
        <Link to="/login">Tilbage til login-siden</Link>
      </p>
    </div>
  );
}
