-- SIP digest credentials of agents' phones. Only H(extension:realm:password) is kept (RFC 2617 §3.2.2.2), never the
-- password, for each algorithm offered; the realm is kept too, because a change of realm makes the hashes useless.
ALTER TABLE agents ADD COLUMN sip_realm TEXT NULL CHECK (sip_realm IS NULL OR length(sip_realm) BETWEEN 1 AND 128);
ALTER TABLE agents ADD COLUMN sip_ha1_md5 TEXT NULL CHECK (sip_ha1_md5 IS NULL OR length(sip_ha1_md5) = 32);
ALTER TABLE agents ADD COLUMN sip_ha1_sha256 TEXT NULL CHECK (sip_ha1_sha256 IS NULL OR length(sip_ha1_sha256) = 64);
ALTER TABLE agents ADD COLUMN sip_password_set_at INTEGER NULL;
