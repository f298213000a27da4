// "405 Method Not Allowed" for the Contest API: a path that exists with other methods is answered 405 with
// those methods in Allow, rather than the router's 404 (which is for paths that do not exist at all).

/** The methods of the routes whose pattern (`/api/contests/:cid/teams/:id`) matches `path`, sorted. */
export function allowedMethods(routes: readonly { method: string; url: string }[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) if (patternOf(route.url).test(path)) methods.add(route.method);
  return [...methods].sort();
}

const patterns = new Map<string, RegExp>();

/** A route's URL as a regular expression: each `:param` one segment, the rest literal. */
function patternOf(url: string): RegExp {
  let pattern = patterns.get(url);
  if (pattern === undefined) {
    const source = url
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    pattern = new RegExp(`^${source}$`);
    patterns.set(url, pattern);
  }
  return pattern;
}
