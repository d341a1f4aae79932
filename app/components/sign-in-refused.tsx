import { Link } from "@remix-run/react";
import { Alert } from "./alert";

/** A single sign-on that did not end in a session: the reason, and the ways on. */
export function SignInRefused({ message }: { message: string }) {
  return (
    <div className="login-form">
      <h1>Du er ikke logget ind</h1>
      <Alert tone="error" role="alert">
        {message}
      </Alert>
      <p>
        <Link to="/login">Tilbage til login-siden</Link>
      </p>
    </div>
  );
}
