namespace Appliance.HeadOffice.Database.Internal;

/// <summary>The head-office schema, step by step.</summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "branches and applied records", """
            CREATE TABLE branches (
                branch_id    text PRIMARY KEY,
                key_salt     bytea NOT NULL,
                key_hash     bytea NOT NULL,
                enrolled_at  timestamptz NOT NULL,
                revoked_at   timestamptz NULL
            );

            -- One row per record ever applied: the idempotency ledger and the archive of every version received.
            CREATE TABLE applied_records (
                branch_id        text NOT NULL REFERENCES branches (branch_id),
                idempotency_key  text NOT NULL,
                kind             smallint NOT NULL,
                payload_version  integer NOT NULL,
                sequence         bigint NOT NULL,
                payload          bytea NOT NULL,
                payload_sha256   bytea NOT NULL,
                created_at       timestamptz NULL,
                applied_at       timestamptz NOT NULL,
                batch_id         text NOT NULL,
                PRIMARY KEY (branch_id, idempotency_key)
            );
            """),
        new(2, "tickets, transactions and call summaries", """
            CREATE TABLE tickets (
                branch_id        text NOT NULL REFERENCES branches (branch_id),
                ticket_id        text NOT NULL,
                category         text NOT NULL,
                status           text NOT NULL,
                masked_account   text NOT NULL,
                call_id          text NOT NULL,
                agent_id         text NOT NULL,
                opened_at        timestamptz NOT NULL,
                updated_at       timestamptz NULL,
                due_at           timestamptz NULL,
                closed_at        timestamptz NULL,
                notes            text NOT NULL,
                source_sequence  bigint NOT NULL,
                idempotency_key  text NOT NULL,
                PRIMARY KEY (branch_id, ticket_id)
            );

            CREATE TABLE transactions (
                branch_id           text NOT NULL REFERENCES branches (branch_id),
                transaction_id      text NOT NULL,
                type                text NOT NULL,
                status              text NOT NULL,
                masked_account      text NOT NULL,
                amount_minor_units  bigint NOT NULL,
                currency            text NOT NULL,
                call_id             text NOT NULL,
                started_at          timestamptz NOT NULL,
                completed_at        timestamptz NULL,
                notes               text NOT NULL,
                source_sequence     bigint NOT NULL,
                idempotency_key     text NOT NULL,
                PRIMARY KEY (branch_id, transaction_id)
            );

            CREATE TABLE call_summaries (
                branch_id        text NOT NULL REFERENCES branches (branch_id),
                call_id          text NOT NULL,
                caller_number    text NOT NULL,
                line_id          text NOT NULL,
                queue_id         text NOT NULL,
                agent_id         text NOT NULL,
                started_at       timestamptz NOT NULL,
                answered_at      timestamptz NULL,
                ended_at         timestamptz NULL,
                disposition      text NOT NULL,
                recording_id     text NOT NULL,
                idempotency_key  text NOT NULL,
                PRIMARY KEY (branch_id, call_id)
            );
            """),
        new(3, "survey scores and QA scores", """
            -- The caller's post-call rating, 1-5; NULL when none was given (and for calls synced before it existed).
            ALTER TABLE call_summaries ADD COLUMN survey_score smallint NULL CHECK (survey_score BETWEEN 1 AND 5);

            -- Reviewers' scores of recorded calls; answers as given (question id -> value).
            CREATE TABLE qa_scores (
                branch_id        text NOT NULL REFERENCES branches (branch_id),
                score_id         text NOT NULL,
                call_id          text NOT NULL,
                agent_id         text NOT NULL,
                scorecard        text NOT NULL,
                reviewer         text NOT NULL,
                total            double precision NOT NULL CHECK (total BETWEEN 0 AND 100),
                fatal            boolean NOT NULL,
                answers          jsonb NOT NULL,
                scored_at        timestamptz NOT NULL,
                idempotency_key  text NOT NULL,
                PRIMARY KEY (branch_id, score_id)
            );
            """),
        new(4, "complaint ticket fields and head-office ticket changes", """
            -- Every field of a complaint ticket, as the box last sent it (customer masked on the box).
            ALTER TABLE tickets
                ADD COLUMN sub_category            text NOT NULL DEFAULT '',
                ADD COLUMN customer_name_masked    text NOT NULL DEFAULT '',
                ADD COLUMN customer_number_masked  text NOT NULL DEFAULT '',
                ADD COLUMN channel                 text NOT NULL DEFAULT '',
                ADD COLUMN department              text NOT NULL DEFAULT '',
                ADD COLUMN escalation_level        integer NOT NULL DEFAULT 0,
                ADD COLUMN revision                integer NOT NULL DEFAULT 0,
                ADD COLUMN repeat_of               text NOT NULL DEFAULT '',
                ADD COLUMN satisfaction            integer NOT NULL DEFAULT 0,
                ADD COLUMN reopen_count            integer NOT NULL DEFAULT 0,
                ADD COLUMN callback_due_at         timestamptz NULL;

            -- Changes made at head office, waiting for (and kept after) the branch's pull. change_id is the branch's cursor.
            CREATE TABLE ticket_changes (
                change_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                branch_id          text NOT NULL REFERENCES branches (branch_id),
                ticket_id          text NOT NULL,
                based_on_revision  integer NOT NULL,
                status             text NOT NULL,
                department         text NOT NULL,
                note               text NOT NULL,
                actor              text NOT NULL,
                changed_at         timestamptz NOT NULL,
                FOREIGN KEY (branch_id, ticket_id) REFERENCES tickets (branch_id, ticket_id)
            );

            CREATE INDEX ticket_changes_by_branch ON ticket_changes (branch_id, change_id);
            """),
    ];
}
