// The ledger API: a health endpoint is all the pipeline needs.
import { createServer } from 'node:http';

createServer((req, res) => res.end(req.url === '/healthz' ? 'ok\n' : 'ledger\n')).listen(8080);
