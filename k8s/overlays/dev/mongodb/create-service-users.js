// Creates one database and one user per service, each user allowed to read and write only its own database.
// Runs once, when the MongoDB data directory is empty: mounted into /docker-entrypoint-initdb.d (compose, k8s dev overlay),
// executed by mongosh as the root user. Passwords come from the environment, never from this file.
// k8s/overlays/dev/mongodb/create-service-users.js must stay identical (the deployment tests compare them).
const services = ['intake', 'eligibility', 'providerdirectory', 'notification'];

for (const service of services) {
  const variable = `${service.toUpperCase()}_DB_PASSWORD`;
  const password = process.env[variable];
  if (!password) {
    throw new Error(`${variable} is not set: every service needs its own database password`);
  }

  const database = db.getSiblingDB(service);
  if (database.getUser(service)) {
    print(`user ${service} already exists in database ${service}`);
    continue;
  }

  database.createUser({
    user: service,
    pwd: password,
    roles: [{ role: 'readWrite', db: service }],
  });
  print(`created user ${service} with readWrite on database ${service}`);
}
