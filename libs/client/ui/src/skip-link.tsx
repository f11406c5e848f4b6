export interface SkipLinkProps {
  /** Id of the main content element (it needs tabIndex={-1}). */
  target: string;
  children: string;
}

/** The first focusable element of every page: jumps past the header and navigation. */
export function SkipLink({ target, children }: SkipLinkProps) {
  return (
    <a
      className="an-skip-link"
      href={`#${target}`}
      onClick={(event) => {
        const main = document.getElementById(target);
        if (!main) return;
        event.preventDefault();
        main.focus();
        main.scrollIntoView();
      }}
    >
      {children}
    </a>
  );
}
