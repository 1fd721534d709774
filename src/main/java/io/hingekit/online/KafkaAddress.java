package io.hingekit.online;

/**
 * A Kafka topic named by a URL {@code kafka://host:port[,host:port...]/topic}: the bootstrap servers and the topic.
 *
 * @param bootstrapServers the {@code host:port} list, comma-separated
 * @param topic the topic
 */
public record KafkaAddress(String bootstrapServers, String topic) {

    /** The URL scheme. */
    public static final String SCHEME = "kafka://";

    /** Returns whether an input names a Kafka topic. */
    public static boolean isKafka(String input) {
        return input.startsWith(SCHEME);
    }

    /**
     * Parses a URL.
     *
     * @param url {@code kafka://host:port/topic}
     * @return the address
     * @throws IllegalArgumentException when the servers or the topic are missing
     */
    public static KafkaAddress parse(String url) {
        String rest = url.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String servers = slash < 0 ? rest : rest.substring(0, slash);
        String topic = slash < 0 ? "" : rest.substring(slash + 1);
        if (servers.isBlank() || topic.isBlank() || topic.contains("/") || !servers.matches("[^,]+:\\d+(,[^,]+:\\d+)*")) {
            throw new IllegalArgumentException("--input must be kafka://host:port[,host:port...]/topic, got '" + url
                    + "'");
        }
        return new KafkaAddress(servers, topic);
    }

    @Override
    public String toString() {
        return SCHEME + bootstrapServers + "/" + topic;
    }
}
