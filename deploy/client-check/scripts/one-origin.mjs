// A Redocly plugin for the combined document (redocly.yaml, api "joined"): the whole API as one origin serves it.
// Each service's own document names its own origin ("/"); joined, they name the Gateway's.
export default function oneOrigin() {
  return {
    id: 'rapport',
    decorators: {
      oas3: {
        'one-origin': () => ({
          Root: {
            leave(root) {
              root.servers = [{
                url: '/',
                description: 'The one origin of the whole API: the Gateway of deploy/kubernetes, which routes each path to its service',
              }];
            },
          },
        }),
      },
    },
  };
}
