-- Mail with a UID up to first_sync_uid was already in the folder when conductd first read
-- it (a mailbox used before conductd, say): it is filed like any other mail, but its
-- senders are not acknowledged as if they had just written. 0: no such mail (and every
-- folder read before this column existed).
ALTER TABLE mailbox_state ADD COLUMN first_sync_uid INTEGER NOT NULL DEFAULT 0;
