// Run once by the MongoDB image on the first start of its volume (docker-entrypoint-initdb.d), as its administrator:
// one user per service, with readWrite on the service's own database and nothing else. PLATFORM_MONGODB_USERS
// ("user:database:password ...") is set by mongo-start.sh from the platform's secrets file.
const users = (process.env.PLATFORM_MONGODB_USERS || '').trim().split(/\s+/).filter(u => u.length > 0);
if (users.length === 0) {
  throw new Error('PLATFORM_MONGODB_USERS is empty: start the store with docker/mongo-start.sh');
}
for (const entry of users) {
  const [user, database, password] = entry.split(':');
  if (!password) {
    throw new Error('no password for ' + user + ' (mongodb.' + user + '.password in the secrets file)');
  }
  db.getSiblingDB(database).createUser({user: user, pwd: password, roles: [{role: 'readWrite', db: database}]});
}
