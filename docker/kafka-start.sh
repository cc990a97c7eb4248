#!/bin/sh
# Starts the platform's Kafka broker locked, in either image docker-compose.yml allows (KAFKA_IMAGE):
#  - the project's own (chenzhou-plan/embedded-stack): its "kafka" role configures itself from the secrets file;
#  - apache/kafka: configured here. Every client authenticates with SASL/SCRAM-SHA-512; the controller listener, on
#    the container's loopback, takes only the broker itself (SASL/PLAIN: a controller cannot check SCRAM); KRaft's
#    StandardAuthorizer refuses what no ACL allows, the broker and the platform's administrator being the only super
#    users; no topic is created by naming it. The broker's and the administrator's credentials go into the metadata
#    when the volume is formatted; topics, the services' users and their ACLs are set up by "kafka-setup".
# Passwords come from the secrets file (kafka.<user>.password); none is put in the container's environment.
set -eu
umask 077
secrets=${PLATFORM_SECRETS_FILE:-/secrets/platform-secrets.properties}

if [ ! -x /opt/kafka/bin/kafka-server-start.sh ]; then
  exec java ${JAVA_OPTS:-} -jar /app/app.jar kafka
fi

secret() {
  sed -n "s/^$1=//p" "$secrets"
}
broker=$(secret kafka.broker.password)
admin=$(secret kafka.platform-admin.password)
if [ -z "$broker" ] || [ -z "$admin" ]; then
  echo "no kafka.broker.password or kafka.platform-admin.password in $secrets" >&2
  exit 1
fi
data=${KAFKA_DATA_DIR:-/var/lib/kafka/data}
# a second listener for clients outside the platform's network (KAFKA_EXTERNAL_HOST:KAFKA_EXTERNAL_PORT), if asked for
listeners="CLIENTS://0.0.0.0:9092,CONTROLLER://127.0.0.1:9093"
advertised="CLIENTS://${KAFKA_ADVERTISED_HOST:-kafka}:9092"
protocols="CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT"
if [ -n "${KAFKA_EXTERNAL_PORT:-}" ]; then
  listeners="$listeners,EXTERNAL://0.0.0.0:$KAFKA_EXTERNAL_PORT"
  advertised="$advertised,EXTERNAL://${KAFKA_EXTERNAL_HOST:-localhost}:$KAFKA_EXTERNAL_PORT"
  protocols="$protocols,EXTERNAL:SASL_PLAINTEXT"
fi
config=$(mktemp /tmp/platform-server.XXXXXX)
cat > "$config" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:9093
listeners=$listeners
advertised.listeners=$advertised
listener.security.protocol.map=$protocols
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENTS
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="$broker" user_broker="$broker";
listener.name.clients.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.clients.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="$broker";
listener.name.external.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.external.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="$broker";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:broker;User:platform-admin
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
log.dirs=$data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
num.partitions=3
log.retention.ms=-1
log.retention.bytes=-1
PROPERTIES
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "${CLUSTER_ID:-Y2hlbnpob3UtcGxhbi0x}" \
  --config "$config" \
  --add-scram "SCRAM-SHA-512=[name=broker,password=\"$broker\"]" \
  --add-scram "SCRAM-SHA-512=[name=platform-admin,password=\"$admin\"]"
exec /opt/kafka/bin/kafka-server-start.sh "$config"
