-- Ids of the Kafka messages this service has applied. A consumer inserts the id in the same
-- transaction as the change the message caused and skips a message whose id is already here,
-- so redelivery after a crash or a rebalance changes nothing twice (DESIGN.md §4).
CREATE TABLE processed_message (
    message_id   text        PRIMARY KEY,
    topic        text        NOT NULL,
    tenant       text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
