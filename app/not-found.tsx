// Rendered per request so it carries the CSP nonce like every other page.
export const dynamic = "force-dynamic";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">This page or flow does not exist, or it was removed.</p>
      {/* A plain link: this page's tree is in every page's first load, and next/link would add 3 kB
          to the virtual app's, which has no other link. From a 404 a full load is no loss. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
      <a href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
        Back to the overview
      </a>
    </main>
  );
}
