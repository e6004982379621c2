// Runs graphql-http's server audits against the GraphQL endpoint given as the only argument and prints one
// JSON line per audit: {"id","name","status":"ok"|"error"|"warn"|"notice","reason"}. error = a MUST failed,
// warn = a SHOULD, notice = a MAY. Judging the results is the caller's (GraphQLOverHttpAuditTest).
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://localhost:8080/graphql');
  process.exit(2);
}
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  console.log(JSON.stringify({ id: result.id, name: result.name, status: result.status, reason: result.reason ?? null }));
}
