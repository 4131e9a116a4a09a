// The storefront: a small HTTP server (the image conveyor builds for this example).
import { createServer } from 'node:http';

createServer((_req, res) => res.end('storefront ok\n')).listen(process.env.PORT ?? 8080);
