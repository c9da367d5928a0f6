import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { THEME_SCRIPT } from "@/lib/theme-script";
import { headers } from "next/headers";
import { ThemeToggle } from "@/components/theme-toggle";
import { KeyboardHelp } from "@/components/keyboard-help";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Bisectview", template: "%s · Bisectview" },
  description: "syzbot bisection logs, read as structure: tested commits, runs, culprits, crashes, and whether to believe them.",
};

// Applies a saved theme before first paint; without JavaScript the system setting rules.

export default async function RootLayout({ children }: { children: ReactNode }) {
  // scripts/serve.ts gives every request a CSP nonce (lib/server/security-headers.ts); the theme script is the one inline script of ours
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-bg font-sans text-fg">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-bg focus:p-1">
          Skip to content
        </a>
        <header className="border-b border-line bg-soft">
          {/* wraps as a whole on a narrow screen (the buttons to a second line), so no label
              breaks inside its button and the page keeps the screen's width */}
          <nav aria-label="Site" className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-1.5">
            <Link href="/" className="font-semibold text-fg">
              Bisectview
            </Link>
            <Link href="/">Bisections</Link>
            <Link href="/upload">Upload</Link>
            <a href="/feed.atom">Atom</a>
            <span className="ml-auto flex items-center gap-3">
              <KeyboardHelp />
              <ThemeToggle />
            </span>
          </nav>
        </header>
        <main id="main" className="px-3 py-3 2xl:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
