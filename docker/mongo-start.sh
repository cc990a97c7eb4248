#!/bin/sh
# Starts the platform's store in either image docker-compose.yml allows (MONGO_IMAGE):
#  - MongoDB: with authentication, an administrator (platform-admin) and, on the first start of the volume, one user
#    per service whose rights end at its own database (mongo-users.js); the passwords come from the secrets file
#    (mongodb.<user>.password) into this process's environment only, never the container's;
#  - the project's own wire server (chenzhou-plan/embedded-stack), which has no users: set MONGO_AUTH=false for it.
set -eu
umask 077
secrets=${PLATFORM_SECRETS_FILE:-/secrets/platform-secrets.properties}

if ! command -v docker-entrypoint.sh >/dev/null 2>&1; then
  exec java ${JAVA_OPTS:-} -jar /app/app.jar mongo
fi

secret() {
  sed -n "s/^$1=//p" "$secrets"
}
MONGO_INITDB_ROOT_USERNAME=platform-admin
MONGO_INITDB_ROOT_PASSWORD=$(secret mongodb.platform-admin.password)
PLATFORM_MONGODB_USERS=""
for pair in project-service:projects funding-service:funding platform-registry-service:registry reporting-service:reporting; do
  user=${pair%%:*}
  PLATFORM_MONGODB_USERS="$PLATFORM_MONGODB_USERS $user:${pair#*:}:$(secret "mongodb.$user.password")"
done
export MONGO_INITDB_ROOT_USERNAME MONGO_INITDB_ROOT_PASSWORD PLATFORM_MONGODB_USERS
exec docker-entrypoint.sh mongod
