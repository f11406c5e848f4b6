// The floor our API is compared with: bare Node http + a pg pool, one prepared indexed SELECT per request
// (the same row `me` reads). Usage: node baseline-server.mjs <databaseUrl> <memberId>; prints its port.
import http from 'node:http';
import pg from 'pg';

const [url, memberId] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const query = { name: 'me', text: 'SELECT id, name, email, locale, time_zone FROM members WHERE id = $1', values: [memberId] };

const server = http.createServer(async (req, res) => {
  req.resume();
  const { rows } = await pool.query(query);
  const body = JSON.stringify({ data: { me: rows[0] } });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
